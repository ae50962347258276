package org.ahibridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ahibridge.storage.AccessRules.Reach;
import org.ahibridge.storage.RegistrationProperties.Storage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: a location inside or overlapping a registration obeys that registration's mode, whichever
 * registration or ad-hoc URI a command names, for every provider and however the location is spelled.
 */
class OverlappingRegistrationsTest {

    static final DatastoreRegistration DATASTORE = new DatastoreRegistration("main", RegistrationsTest.ID, null, null,
            RegistrationsTest.ROLE,
            new StorageRegistration("stage", StorageUris.parse("s3://staging-bucket/"), AccessMode.READ_WRITE,
                    S3Connection.AWS_DEFAULT, true),
            new StorageRegistration("out", StorageUris.parse("s3://output-bucket/"), AccessMode.READ_WRITE,
                    S3Connection.AWS_DEFAULT, true),
            AccessMode.READ_WRITE);

    static Registrations registrations(Map<String, Storage> storages) {
        return RegistrationsTest.registrations(storages, Map.of());
    }

    static Storage storage(String location, String access) {
        return new Storage(null, location, access, null, URI.create("http://127.0.0.1:10000/acct"), null);
    }

    static void importFrom(Registrations registrations, String source) {
        AccessGuard.requireImport(registrations.resolveStorage(source), DATASTORE);
    }

    @Nested
    class ObjectStores {

        final Registrations probe = registrations(Map.of(
                "wo", storage("s3://probe-src/wo/", "write"),
                "az-wo", storage("azure-blob://acct/cont/wo/", "write"),
                "gs-wo", storage("gs://probe-gs/wo/", "write")));

        @ParameterizedTest
        @ValueSource(strings = {"s3://probe-src/", "s3://probe-src", "s3://probe-src/wo/", "s3://probe-src/wo",
            "s3://probe-src/wo/2024/", "azure-blob://acct/cont/", "azure-blob://acct/cont", "gs://probe-gs/",
            "gs://probe-gs/wo/x/"})
        void shouldRefuseToImportFromAnyLocationOverlappingAWriteOnlyRegistration(String source) {
            assertThatThrownBy(() -> importFrom(probe, source))
                    .isInstanceOf(AccessModeException.class)
                    .hasMessageContaining("is registered write-only (access: write)")
                    .hasMessageContaining("cannot be read as an import source")
                    .hasMessageContaining("nothing was transferred")
                    .hasMessageMatching("storage '(wo|az-wo|gs-wo)'.*ahibridge\\.storages\\.(wo|az-wo|gs-wo)\\.access.*");
        }

        @Test
        void shouldNameTheInnerRegistrationItsLocationAndModeWhenAParentIsRefused() {
            assertThatThrownBy(() -> importFrom(probe, "s3://probe-src/"))
                    .hasMessage("storage 'wo' is registered write-only (access: write) at s3://probe-src/wo/, and it"
                            + " lies inside s3://probe-src/, so s3://probe-src/ cannot be read as an import source;"
                            + " nothing was transferred. Use a location that does not overlap it, or set"
                            + " ahibridge.storages.wo.access to read-write.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"s3://probe-src/in/", "s3://probe-src/won/", "s3://probe-src/WO/", "s3://other-bucket/",
            "azure-blob://acct/other/", "azure-blob://acct/cont/in/", "gs://probe-gs/in/"})
        void shouldStillImportFromLocationsBesideIt(String source) {
            assertThatCode(() -> importFrom(probe, source)).doesNotThrowAnyException();
        }

        @Test
        void shouldRefuseAParentEvenWhenItIsItselfARegisteredReadWriteStorage() {
            Registrations nested = registrations(Map.of("src", storage("s3://probe-src/", "read-write"),
                    "wo", storage("s3://probe-src/wo/", "write")));

            assertThatThrownBy(() -> importFrom(nested, "src")).hasMessageContaining("storage 'wo'");
            assertThat(nested.resolveStorage("s3://probe-src/wo/x/").registration().name())
                    .as("the innermost registration holding a URI is taken").isEqualTo("wo");
            assertThat(nested.resolveStorage("s3://probe-src/in/").registration().name()).isEqualTo("src");
        }

        @ParameterizedTest
        @ValueSource(strings = {"wo/a.dcm", "x/../wo/a.dcm", "/wo/a.dcm", "./wo/a.dcm", "wo//a.dcm"})
        void shouldRefuseEachObjectKeyThatResolvesIntoTheRegistration(String key) {
            StorageSelection bucket = probe.resolveStorage("s3://probe-src/");

            assertThatThrownBy(() -> probe.accessRules().requireReadable(bucket.registration(), key, Reach.OBJECT,
                    "(read)")).hasMessageContaining("storage 'wo'").hasMessageContaining("an object of s3://probe-src/")
                    .hasMessageNotContaining("a.dcm");
        }

        @Test
        void shouldIgnoreTrailingDotsOfAzureSegmentsLikeAzureDoes() {
            StorageSelection container = probe.resolveStorage("azure-blob://acct/cont/");

            assertThatThrownBy(() -> probe.accessRules().requireReadable(container.registration(), "wo./a.dcm",
                    Reach.OBJECT, "(read)")).hasMessageContaining("storage 'az-wo'");
        }

        @Test
        void shouldRefuseStagingOrVerdictTagsInsideAReadOnlyRegistration() {
            Registrations archive = registrations(Map.of("archive", storage("s3://staging-bucket/", "read"),
                    "landing", storage("s3://landing-bucket/", "read-write"),
                    "landing-ro", storage("s3://landing-bucket/ro/", "read")));

            assertThatThrownBy(() -> importFrom(archive, "landing"))
                    .hasMessageContaining("storage 'archive' is registered read-only")
                    .hasMessageContaining("as the staging area of datastore 'main'");
            StorageSelection landing = archive.resolveStorage("landing");
            assertThatThrownBy(() -> landing.rules().requireWritable(landing.registration(), "", Reach.TREE,
                    "to tag its objects")).hasMessageContaining("storage 'landing-ro' is registered read-only");
        }

        @Test
        void shouldRefuseWritesIntoAReadWriteRegistrationNestedInAReadOnlyOne() {
            Registrations nested = registrations(Map.of("archive", storage("s3://archive-bucket/", "read"),
                    "drop", storage("s3://archive-bucket/drop/", "read-write")));
            StorageSelection drop = nested.resolveStorage("drop");

            assertThatThrownBy(() -> AccessGuard.requireExport(DATASTORE, drop))
                    .hasMessageContaining("storage 'archive' is registered read-only");
        }
    }

    @Nested
    class Folders {

        @TempDir
        Path temp;

        Registrations withReadOnlyAndWriteOnly() throws IOException {
            Files.createDirectories(temp.resolve("data/ro-dest"));
            Files.createDirectories(temp.resolve("data/wo"));
            return registrations(Map.of("ro-dest", new Storage(null, "file:" + temp.resolve("data/ro-dest"), "read", null,
                    null, null), "wo", new Storage(null, "file:" + temp.resolve("data/wo") + "/", "write", null, null,
                    null)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"data", "data/", "data/.", "./data", "data/x/..", "data/wo/../wo", "DATA", "data/WO",
            "data/wo.", "data/wo ", "link-to-data", "link-to-wo", "link-to-wo/deeper"})
        void shouldRefuseToImportFromAFolderOverlappingAWriteOnlyRegistrationHoweverItIsSpelled(String folder)
                throws IOException {
            Registrations registrations = withReadOnlyAndWriteOnly();
            Files.createSymbolicLink(temp.resolve("link-to-data"), temp.resolve("data"));
            Files.createSymbolicLink(temp.resolve("link-to-wo"), temp.resolve("data/wo"));

            assertThatThrownBy(() -> importFrom(registrations, "file:" + temp + "/" + folder))
                    .isInstanceOf(AccessModeException.class).hasMessageContaining("storage 'wo'")
                    .hasMessageContaining("write-only");
        }

        @Test
        void shouldRefuseEachExportKeyThatLandsInAReadOnlyRegistrationAndWriteNothing() throws IOException {
            Registrations registrations = withReadOnlyAndWriteOnly();
            Files.createSymbolicLink(temp.resolve("data/alias"), temp.resolve("data/ro-dest"));
            StorageSelection data = registrations.resolveStorage("file:" + temp.resolve("data"));
            AccessGuard.requireExport(DATASTORE, data);

            try (BlobStores stores = new BlobStores().withAccessRules(registrations.accessRules())) {
                BlobStore store = stores.open(data.registration());
                for (String key : new String[] {"ro-dest/1.2.3.dcm", "RO-DEST/1.2.3.dcm", "ro-dest./1.2.3.dcm",
                    "alias/1.2.3.dcm", "ro-dest/sub/1.2.3.dcm"}) {
                    assertThatThrownBy(() -> GuardedBlobStore.requireWritable(store, key)).as(key)
                            .hasMessageContaining("storage 'ro-dest' is registered read-only")
                            .hasMessageNotContaining("1.2.3");
                    assertThatThrownBy(() -> store.write(key, new ByteArrayInputStream(new byte[] {1}), 1)).as(key)
                            .isInstanceOf(AccessModeException.class);
                }
                store.write("ro-dest-copy/1.2.3.dcm", new ByteArrayInputStream(new byte[] {1}), 1);
                assertThatThrownBy(() -> store.open("wo/secret.dcm")).hasMessageContaining("storage 'wo'");
                assertThatThrownBy(() -> store.list("", null, 10)).hasMessageContaining("storage 'wo'");
            }
            try (var files = Files.walk(temp.resolve("data"))) {
                assertThat(files.filter(Files::isRegularFile).map(p -> temp.resolve("data").relativize(p).toString()))
                        .containsExactly("ro-dest-copy/1.2.3.dcm");
            }
        }

        @Test
        void shouldRefuseAnExportDestinationInsideAReadOnlyRegistrationThroughALink() throws IOException {
            Registrations registrations = withReadOnlyAndWriteOnly();
            Files.createSymbolicLink(temp.resolve("elsewhere"), temp.resolve("data/ro-dest"));

            assertThatThrownBy(() -> AccessGuard.requireExport(DATASTORE,
                    registrations.resolveStorage("file:" + temp.resolve("elsewhere/exports"))))
                    .hasMessageContaining("storage 'ro-dest' is registered read-only")
                    .hasMessageContaining("cannot be written as an export destination");
        }

        @Test
        void shouldAllowAFolderBesideTheRegistrations() throws IOException {
            Registrations registrations = withReadOnlyAndWriteOnly();
            Files.createDirectories(temp.resolve("data/in"));

            assertThatCode(() -> importFrom(registrations, "file:" + temp.resolve("data/in")))
                    .doesNotThrowAnyException();
            assertThatCode(() -> importFrom(registrations, "file:" + temp.resolve("data/wonder")))
                    .doesNotThrowAnyException();
        }
    }
}
