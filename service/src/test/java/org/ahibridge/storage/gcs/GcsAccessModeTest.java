package org.ahibridge.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;

import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.AccessModeException;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.BlobStores;
import org.ahibridge.storage.StorageRegistration;
import org.ahibridge.storage.StorageUris;
import org.junit.jupiter.api.Test;

/** BlobStores opens gcs registrations with the injected client, guarded by their access mode as for S3. */
class GcsAccessModeTest {

    final FakeGcs gcs = new FakeGcs();

    @Test
    void shouldRefuseWritesToAReadOnlyBucketAndReadsOfAWriteOnlyOne() {
        try (BlobStores stores = new BlobStores().withGcsClientFactory(connection -> gcs.storage())) {
            BlobStore source = stores.open(registration("source", AccessMode.READ));
            BlobStore destination = stores.open(registration("destination", AccessMode.WRITE));

            destination.write("a.dcm", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3);

            assertThat(source.describe()).isEqualTo("gs://shared-bucket/dicom/");
            assertThat(source.list("", null, 10).objects()).singleElement()
                    .satisfies(o -> assertThat(o.key()).isEqualTo("a.dcm"));
            assertThatThrownBy(() -> source.write("b.dcm", new ByteArrayInputStream(new byte[1]), 1))
                    .isInstanceOf(AccessModeException.class).hasMessageContaining("read-only");
            assertThatThrownBy(() -> source.delete("a.dcm")).isInstanceOf(AccessModeException.class);
            assertThatThrownBy(() -> destination.open("a.dcm")).isInstanceOf(AccessModeException.class)
                    .hasMessageContaining("write-only");
            assertThatThrownBy(() -> destination.list("", null, 10)).isInstanceOf(AccessModeException.class);
            assertThat(destination.stat("a.dcm")).isPresent();
        }
    }

    private static StorageRegistration registration(String name, AccessMode mode) {
        return new StorageRegistration(name, StorageUris.parse("gs://shared-bucket/dicom/"), mode, null, false);
    }
}
