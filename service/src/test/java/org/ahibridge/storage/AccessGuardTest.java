package org.ahibridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessGuardTest {

    static final String ID = RegistrationsTest.ID;

    @TempDir
    Path temp;

    StorageRegistration folder(String name, AccessMode mode) {
        return new StorageRegistration(name, StorageUris.parse("file:" + temp.resolve(name)), mode, null, false);
    }

    StorageRegistration s3(String name, String uri, AccessMode mode) {
        return new StorageRegistration(name, StorageUris.parse(uri), mode, S3Connection.AWS_DEFAULT, false);
    }

    static StorageSelection whole(StorageRegistration storage) {
        return new StorageSelection(storage, "");
    }

    DatastoreRegistration datastore(AccessMode mode, StorageRegistration staging) {
        return new DatastoreRegistration("main", ID, null, null, RegistrationsTest.ROLE, staging,
                s3("out", "s3://output-bucket/", AccessMode.READ), mode);
    }

    @Test
    void shouldRefuseAnImportFromAWriteOnlyStorage() {
        StorageRegistration source = folder("archive", AccessMode.WRITE);
        DatastoreRegistration datastore = datastore(AccessMode.WRITE, s3("stage", "s3://staging-bucket/", AccessMode.WRITE));

        assertThatThrownBy(() -> AccessGuard.requireImport(whole(source), datastore))
                .isInstanceOf(AccessModeException.class)
                .hasMessage("storage 'archive' is registered write-only (access: write), so it cannot be read as an"
                        + " import source; nothing was transferred. To allow it, set ahibridge.storages.archive.access"
                        + " to read-write.");
    }

    @Test
    void shouldRefuseAnImportIntoAReadOnlyDatastore() {
        StorageRegistration source = folder("inbox", AccessMode.READ);
        DatastoreRegistration datastore = datastore(AccessMode.READ, s3("stage", "s3://staging-bucket/", AccessMode.WRITE));

        assertThatThrownBy(() -> AccessGuard.requireImport(whole(source), datastore))
                .hasMessageContaining("datastore 'main' is registered read-only")
                .hasMessageContaining("ahibridge.datastores.main.access");
    }

    @Test
    void shouldRefuseAnExportFromAWriteOnlyDatastoreOrToAReadOnlyDestination() {
        assertThatThrownBy(() -> AccessGuard.requireExport(datastore(AccessMode.WRITE, null),
                whole(folder("out", AccessMode.READ_WRITE)))).hasMessageContaining("cannot be read by an export");
        assertThatThrownBy(() -> AccessGuard.requireExport(datastore(AccessMode.READ, null),
                whole(folder("out", AccessMode.READ)))).hasMessageContaining("cannot be written as an export destination");
    }

    @Test
    void shouldAllowAnImportWhenEveryModeFits() {
        assertThatCode(() -> AccessGuard.requireImport(whole(folder("inbox", AccessMode.READ)),
                datastore(AccessMode.WRITE, s3("stage", "s3://staging-bucket/", AccessMode.READ_WRITE))))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldGuardEveryStoreCallSoNoDataMovesAgainstTheMode() {
        BlobStores stores = new BlobStores();
        BlobStore readOnly = stores.open(folder("ro", AccessMode.READ));
        BlobStore writeOnly = stores.open(folder("wo", AccessMode.WRITE));
        writeOnly.write("a.dcm", new ByteArrayInputStream(new byte[] {1}), 1);

        assertThatThrownBy(() -> readOnly.write("b.dcm", new ByteArrayInputStream(new byte[] {1}), 1))
                .isInstanceOf(AccessModeException.class);
        assertThatThrownBy(() -> readOnly.delete("b.dcm")).isInstanceOf(AccessModeException.class);
        assertThatThrownBy(() -> readOnly.tag("b.dcm", Map.of())).isInstanceOf(AccessModeException.class);
        assertThatThrownBy(() -> writeOnly.open("a.dcm")).isInstanceOf(AccessModeException.class);
        assertThatThrownBy(() -> writeOnly.list("", null, 10)).isInstanceOf(AccessModeException.class);
        assertThatThrownBy(() -> BlobTransfer.copy(writeOnly, "a.dcm", readOnly, "a.dcm"))
                .isInstanceOf(AccessModeException.class);
        BlobInfo written = writeOnly.stat("a.dcm").orElseThrow();
        assertThatThrownBy(() -> BlobTransfer.copyIfUnchanged(writeOnly, written, readOnly, "a.dcm"))
                .isInstanceOf(AccessModeException.class);
        assertThatThrownBy(() -> readOnly.put("b.dcm", new ByteArrayInputStream(new byte[] {1}), 1))
                .isInstanceOf(AccessModeException.class);
        assertThatThrownBy(() -> readOnly.deleteAll(List.of("b.dcm"))).isInstanceOf(AccessModeException.class);
        assertThat(temp.resolve("ro").resolve("a.dcm")).doesNotExist();
    }

    @Test
    void shouldSizeEachS3ClientsPoolAsConfigured() {
        List<Integer> pools = new ArrayList<>();
        BlobStores stores = new BlobStores().withS3MaxConnections(200).withS3ClientFactory((connection, pool) -> {
            pools.add(pool);
            return S3Clients.create(connection, software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider
                    .create(), pool);
        });

        stores.open(s3("landing", "s3://landing-bucket/", AccessMode.READ));
        stores.open(s3("staging", "s3://staging-bucket/", AccessMode.READ_WRITE));
        stores.close();

        assertThat(pools).containsExactly(200);
        assertThatThrownBy(() -> new BlobStores().withS3MaxConnections(0))
                .hasMessageContaining("ahibridge.s3.max-connections");
    }
}
