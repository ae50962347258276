package org.ahibridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.net.URI;
import java.util.Map;

import org.ahibridge.storage.RegistrationProperties.Datastore;
import org.ahibridge.storage.RegistrationProperties.S3Defaults;
import org.ahibridge.storage.RegistrationProperties.Storage;
import org.junit.jupiter.api.Test;

class RegistrationsTest {

    static final String ID = "0123456789abcdef0123456789abcdef";
    static final String ROLE = "arn:aws:iam::123456789012:role/ImportJobDataAccessRole";
    static final S3Defaults EMULATOR = new S3Defaults("us-east-1", URI.create("http://127.0.0.1:4566"), true);

    static Registrations registrations(Map<String, Storage> storages, Map<String, Datastore> datastores) {
        return Registrations.from(new RegistrationProperties(storages, datastores, EMULATOR));
    }

    static Storage storage(String location, String access) {
        return new Storage(null, location, access, null, null, null);
    }

    @Test
    void shouldBindStoragesAndDatastoresWithS3Defaults() {
        Registrations registrations = registrations(
                Map.of("inbox", storage("file:data/inbox", "read"),
                        "landing", new Storage("s3", "s3://landing-bucket/dicom/", "Import only", "eu-west-1", null, null),
                        "staging", storage("s3://staging-bucket/ahi/", "read-write")),
                Map.of("main", new Datastore(ID, "eu-west-1", null, ROLE, "staging", "s3://output-bucket/out/",
                        "Both")));

        StorageRegistration landing = registrations.storage("landing").orElseThrow();
        assertThat(landing.access()).isEqualTo(AccessMode.READ);
        assertThat(landing.s3()).isEqualTo(new S3Connection("eu-west-1", URI.create("http://127.0.0.1:4566"), true));
        DatastoreRegistration main = registrations.datastore("main");
        assertThat(main.access()).isEqualTo(AccessMode.READ_WRITE);
        assertThat(main.staging().name()).isEqualTo("staging");
        assertThat(main.output().location().uri()).isEqualTo("s3://output-bucket/out/");
        assertThat(main.output().adHoc()).isTrue();
    }

    @Test
    void shouldBindAzureStoragesWithAnOptionalEndpointAndResolveAdHocAzureUris() {
        URI azurite = URI.create("http://127.0.0.1:10000/devstoreaccount1");
        Registrations registrations = registrations(
                Map.of("azure-in", new Storage(null, "azure-blob://devstoreaccount1/dicom/in/", "read", null, azurite,
                        null)), Map.of());

        StorageRegistration in = registrations.storage("azure-in").orElseThrow();
        assertThat(in.provider()).isEqualTo(StorageProvider.AZURE_BLOB);
        assertThat(in.azure()).isEqualTo(new AzureConnection("devstoreaccount1", azurite));
        assertThat(in.s3()).isNull();
        StorageSelection inside = registrations.resolveStorage("azure-blob://devstoreaccount1/dicom/in/2024/");
        assertThat(inside.registration().name()).isEqualTo("azure-in");
        assertThat(inside.prefix()).isEqualTo("2024/");
        StorageSelection adHoc = registrations.resolveStorage("azure-blob://otheraccount/dicom/");
        assertThat(adHoc.registration().azure()).isEqualTo(new AzureConnection("otheraccount", null));
        assertThat(adHoc.registration().access()).isEqualTo(AccessMode.READ_WRITE);
    }

    @Test
    void shouldRefuseAnAzureStagingLocationForAhiImports() {
        assertThatThrownBy(() -> registrations(Map.of(),
                Map.of("m", new Datastore(ID, null, null, ROLE, "azure-blob://account/staging/", "s3://output-bucket/o/",
                        "write"))))
                .isInstanceOf(InvalidRegistrationException.class)
                .hasMessageContaining("AHI import jobs read and write S3 only");
    }

    @Test
    void shouldReportEveryProblemWithItsConfigurationKey() {
        assertThatThrownBy(() -> registrations(
                Map.of("a", storage("s3://Bad_Bucket/", "read"),
                        "b", storage("file:/x", "sometimes"),
                        "c", new Storage("s3", "file:/x", "read", null, null, null),
                        "d", storage("gs://Bad Bucket/x", "read"),
                        "ro", storage("s3://staging-bucket/", "read")),
                Map.of("m", new Datastore("not-an-id", null, null, "role", "ro", null, "write"))))
                .isInstanceOf(InvalidRegistrationException.class)
                .extracting(e -> ((InvalidRegistrationException) e).problems(), LIST)
                .anySatisfy(p -> assertThat((String) p).startsWith("ahibridge.storages.a.location").contains("bucket name"))
                .anySatisfy(p -> assertThat((String) p).startsWith("ahibridge.storages.b.access"))
                .anySatisfy(p -> assertThat((String) p).startsWith("ahibridge.storages.c.provider"))
                .anySatisfy(p -> assertThat((String) p).startsWith("ahibridge.storages.d.location")
                        .contains("not a valid GCS bucket name"))
                .anySatisfy(p -> assertThat((String) p).startsWith("ahibridge.datastores.m.datastore-id"))
                .anySatisfy(p -> assertThat((String) p).startsWith("ahibridge.datastores.m.data-access-role-arn"))
                .anySatisfy(p -> assertThat((String) p).startsWith("ahibridge.datastores.m.staging")
                        .contains("read-only"))
                .anySatisfy(p -> assertThat((String) p).startsWith("ahibridge.datastores.m.output: missing"));
    }

    @Test
    void shouldBindAGcsStorageWithItsProjectAndEndpointAndRefuseItAsStaging() {
        Registrations registrations = registrations(Map.of("archive", new Storage(null, "gs://archive-bucket/dicom/",
                "write", null, URI.create("http://127.0.0.1:4443"), null, "my-project")), Map.of());

        StorageRegistration archive = registrations.storage("archive").orElseThrow();
        assertThat(archive.gcs()).isEqualTo(new org.ahibridge.storage.gcs.GcsConnection("my-project",
                URI.create("http://127.0.0.1:4443")));
        assertThat(archive.s3()).isNull();
        assertThat(registrations.resolveStorage("gs://other-bucket/x/").registration().gcs())
                .isEqualTo(org.ahibridge.storage.gcs.GcsConnection.DEFAULT);
        assertThatThrownBy(() -> registrations(Map.of("g", storage("gs://stage-bucket/", "read-write")),
                Map.of("m", new Datastore(ID, null, null, ROLE, "g", "s3://output-bucket/out/", "write"))))
                .hasMessageContaining("AHI import jobs read and write S3 only");
    }

    @Test
    void shouldNotRequireStagingForAnExportOnlyDatastore() {
        Registrations registrations = registrations(Map.of(),
                Map.of("archive", new Datastore(ID, null, null, null, null, null, "read")));

        assertThat(registrations.datastore("archive").staging()).isNull();
    }

    @Test
    void shouldRefuseOverlappingStagingAndOutput() {
        assertThatThrownBy(() -> registrations(Map.of(),
                Map.of("m", new Datastore(ID, null, null, ROLE, "s3://bucket-one/ahi/", "s3://bucket-one/ahi/out/",
                        "write"))))
                .hasMessageContaining("overlap");
    }

    @Test
    void shouldResolveAUriInsideARegistrationToThatRegistrationAndAPrefix() {
        Registrations registrations = registrations(Map.of("landing", storage("s3://landing-bucket/dicom/", "read")),
                Map.of());

        StorageSelection inside = registrations.resolveStorage("s3://landing-bucket/dicom/2024/");
        StorageSelection adHoc = registrations.resolveStorage("s3://other-bucket/x/");

        assertThat(inside.registration().name()).isEqualTo("landing");
        assertThat(inside.prefix()).isEqualTo("2024/");
        assertThat(adHoc.registration().adHoc()).isTrue();
        assertThat(adHoc.registration().access()).isEqualTo(AccessMode.READ_WRITE);
        assertThat(adHoc.registration().s3().endpoint()).isEqualTo(EMULATOR.endpoint());
        assertThat(registrations.resolveStorage("landing").prefix()).isEmpty();
    }

    @Test
    void shouldExplainUnknownNames() {
        Registrations registrations = registrations(Map.of("inbox", storage("file:in", "read")), Map.of());

        assertThatThrownBy(() -> registrations.resolveStorage("outbox")).hasMessageContaining("registered: inbox");
        assertThatThrownBy(() -> registrations.datastore("local")).hasMessageContaining("known: none");
    }
}
