package org.ahibridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StorageUrisTest {

    @Test
    void shouldParseS3UrisWithAndWithoutPrefix() {
        assertThat(StorageUris.parse("s3://landing-bucket/dicom/in"))
                .isEqualTo(new StorageLocation(StorageProvider.S3, "landing-bucket", "dicom/in/"));
        assertThat(StorageUris.parse("s3://landing-bucket")).isEqualTo(
                new StorageLocation(StorageProvider.S3, "landing-bucket", ""));
        assertThat(StorageUris.parse("s3://landing-bucket/").path()).isEmpty();
    }

    @Test
    void shouldParseFileUrisAndPlainFolders() {
        assertThat(StorageUris.parse("file:/data/in").folder()).isEqualTo(Path.of("/data/in"));
        assertThat(StorageUris.parse("file:///data/in").folder()).isEqualTo(Path.of("/data/in"));
        assertThat(StorageUris.parse("file:data/in").folder()).isEqualTo(Path.of("data/in").toAbsolutePath());
        assertThat(StorageUris.parse("/data/in").provider()).isEqualTo(StorageProvider.FILE);
        assertThat(StorageUris.parse("file:/data/in").uri()).isEqualTo("file:/data/in");
    }

    @Test
    void shouldRecogniseTheLaterProviders() {
        assertThat(StorageUris.parse("gs://bucket/p")).extracting(StorageLocation::provider)
                .isEqualTo(StorageProvider.GCS);
        StorageLocation azure = StorageUris.parse("azure-blob://account/container/a/b");
        assertThat(azure.container()).isEqualTo("account/container");
        assertThat(azure.path()).isEqualTo("a/b/");
    }

    @Test
    void shouldApplyAzuresNamingRulesToAccountsAndContainers() {
        assertThat(StorageUris.azureAccount(StorageUris.parse("azure-blob://devstoreaccount1/dicom-in/x")))
                .isEqualTo("devstoreaccount1");
        assertThatThrownBy(() -> StorageUris.parse("azure-blob://My_Account/c1/")).hasMessageContaining(
                "not a valid Azure storage account name");
        assertThatThrownBy(() -> StorageUris.parse("azure-blob://account/Bad--Name/"))
                .hasMessageContaining("not a valid Azure container name");
        assertThatThrownBy(() -> StorageUris.parse("azure-blob://account")).hasMessageContaining("no bucket or container");
    }

    @Test
    void shouldRejectBadUrisWithTheReason() {
        assertThatThrownBy(() -> StorageUris.parse("s3://B1/x")).hasMessageContaining("not a valid S3 bucket name");
        assertThatThrownBy(() -> StorageUris.parse("s3:///x")).hasMessageContaining("no bucket");
        assertThatThrownBy(() -> StorageUris.parse("s3://bucket-one/a/../b")).hasMessageContaining("'..' path segment");
        assertThatThrownBy(() -> StorageUris.parse("ftp://host/x")).hasMessageContaining("unknown scheme");
        assertThatThrownBy(() -> StorageUris.parse("gs://Bucket/x")).hasMessageContaining("not a valid GCS bucket name");
        assertThatThrownBy(() -> StorageUris.parse("gs://" + "a".repeat(64) + "/x"))
                .hasMessageContaining("not a valid GCS bucket name");
        assertThat(StorageUris.parse("gs://my_bucket.example.com/x/").container()).isEqualTo("my_bucket.example.com");
        assertThatThrownBy(() -> StorageUris.parse("file://host/x")).hasMessageContaining("names a host");
        assertThatThrownBy(() -> StorageUris.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    void shouldTellWhetherOneLocationContainsAnother() {
        StorageLocation outer = StorageUris.parse("s3://bucket-one/in/");
        assertThat(outer.contains(StorageUris.parse("s3://bucket-one/in/sub/"))).isTrue();
        assertThat(outer.relativePath(StorageUris.parse("s3://bucket-one/in/sub/"))).isEqualTo("sub/");
        assertThat(outer.contains(StorageUris.parse("s3://bucket-one/inbox/"))).isFalse();
        assertThat(outer.contains(StorageUris.parse("s3://bucket-two/in/"))).isFalse();
        assertThat(StorageUris.parse("file:/data").contains(StorageUris.parse("file:/data/in"))).isTrue();
        assertThat(StorageUris.parse("file:/data").contains(StorageUris.parse("file:/database"))).isFalse();
    }
}
