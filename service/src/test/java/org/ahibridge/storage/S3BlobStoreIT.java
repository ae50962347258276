package org.ahibridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.metrics.AwsRequestCounts;
import org.ahibridge.storage.testing.S3Proxy;
import org.ahibridge.storage.testing.S3ProxyJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import software.amazon.awssdk.services.s3.S3Client;

/** The s3 provider against a real S3-compatible server (s3proxy) through the real SDK client. */
@Requires(S3ProxyJar.class)
class S3BlobStoreIT {

    private static final int MIB = 1024 * 1024;
    private static final S3Tuning SMALL_PARTS = new S3Tuning(6L * MIB, 5 * MIB, 6L * MIB, 5L * MIB);

    static S3Proxy proxy;
    static S3Client client;

    String bucket;
    S3BlobStore store;

    @BeforeAll
    static void startProxy() throws IOException {
        proxy = S3Proxy.start();
        client = proxy.client();
    }

    @AfterAll
    static void stopProxy() {
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @BeforeEach
    void createBucket(TestInfo test) {
        bucket = "it-" + Integer.toHexString(test.getDisplayName().hashCode() & 0x7fffffff) + "-"
                + test.getTestMethod().orElseThrow().getName().length();
        client.createBucket(b -> b.bucket(bucket));
        store = new S3BlobStore(client, proxy.connection(), bucket, "root/", SMALL_PARTS);
    }

    private void put(String key, byte[] content) {
        store.write(key, new ByteArrayInputStream(content), content.length);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void shouldListEveryObjectOnceAcrossPagesWithContinuationTokens() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            keys.add(String.format("in/%02d with space ü.dcm", i));
        }
        keys.forEach(k -> put(k, bytes(k)));
        put("elsewhere.dcm", bytes("x"));

        List<String> listed = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            ListPage page = store.list("in/", token, 5);
            pages++;
            page.objects().forEach(o -> listed.add(o.key()));
            token = page.nextToken();
        } while (token != null);

        assertThat(listed).containsExactlyElementsOf(keys);
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void shouldResumeAfterTheLastKeyWhenTheTokenHasNoContinuationOrAForeignOne() {
        List.of("a.dcm", "b.dcm", "c.dcm").forEach(k -> put(k, bytes(k)));
        String lastKey = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes("a.dcm"));

        ListPage afterLastKey = store.list("", lastKey + ".", 10);
        ListPage foreignToken = store.list("", lastKey + ".not-a-real-token", 10);

        assertThat(afterLastKey.objects()).extracting(BlobInfo::key).containsExactly("b.dcm", "c.dcm");
        assertThat(foreignToken.objects()).extracting(BlobInfo::key).doesNotContain("a.dcm");
    }

    @Test
    void shouldStatWithSizeEtagAndModificationTime() {
        put("x.dcm", bytes("hello"));

        BlobInfo info = store.stat("x.dcm").orElseThrow();

        assertThat(info.size()).isEqualTo(5);
        assertThat(info.version()).isNotBlank().doesNotContain("\"");
        assertThat(info.lastModified()).isNotNull();
        assertThat(store.stat("missing.dcm")).isEmpty();
    }

    @Test
    void shouldReadOnlyTheRequestedRange() throws IOException {
        put("r.bin", bytes("0123456789"));

        assertThat(readAll(store.openRange("r.bin", 2, 5))).isEqualTo(bytes("234"));
        assertThat(readAll(store.openRange("r.bin", 7, 1000))).isEqualTo(bytes("789"));
        assertThat(readAll(store.openRange("r.bin", 4, 4))).isEmpty();
    }

    @Test
    void shouldUploadLargeStreamsOfUnknownSizeInParts() throws Exception {
        byte[] data = random(11 * MIB + 17);

        BlobInfo info = store.write("big/object.bin", new ByteArrayInputStream(data), -1);

        assertThat(info.size()).isEqualTo(data.length);
        assertThat(info.version()).endsWith("-3");
        assertThat(digest(readAll(store.open("big/object.bin")))).isEqualTo(digest(data));
    }

    @Test
    void shouldCopyServerSideIncludingMultipartCopyAboveTheThreshold() throws Exception {
        byte[] small = bytes("small object");
        byte[] large = random(12 * MIB + 3);
        put("src/small.dcm", small);
        put("src/large.dcm", large);
        S3BlobStore staging = new S3BlobStore(client, proxy.connection(), bucket, "staging/", SMALL_PARTS);

        assertThat(staging.copyServerSide(store, "src/small.dcm", "b1/small.dcm")).isTrue();
        assertThat(staging.copyServerSide(store, "src/large.dcm", "b1/large.dcm")).isTrue();

        assertThat(readAll(staging.open("b1/small.dcm"))).isEqualTo(small);
        assertThat(digest(readAll(staging.open("b1/large.dcm")))).isEqualTo(digest(large));
        assertThat(staging.objectKey("b1/large.dcm")).isEqualTo("staging/b1/large.dcm");
    }

    @Test
    void shouldCopyAKnownVersionWithOneRequestAndRefuseAChangedOrMissingSource() throws Exception {
        put("src/a.dcm", bytes("version one"));
        put("src/b.dcm", bytes("b"));
        BlobInfo listed = store.list("src/", null, 10).objects().get(0);
        BlobInfo gone = store.stat("src/b.dcm").orElseThrow();
        S3BlobStore staging = new S3BlobStore(client, proxy.connection(), bucket, "staging/", SMALL_PARTS);
        AwsRequestCounts.Snapshot before = AwsRequestCounts.process().snapshot();

        CopyOutcome copied = BlobTransfer.copyIfUnchanged(store, listed, staging, "b1/a.dcm");

        assertThat(copied).isEqualTo(CopyOutcome.COPIED_SERVER_SIDE);
        assertThat(AwsRequestCounts.process().snapshot().since(before).attempts()).containsOnly(
                Map.entry("S3.CopyObject", 1L));
        assertThat(readAll(staging.open("b1/a.dcm"))).isEqualTo(bytes("version one"));

        put("src/a.dcm", bytes("version two, longer"));
        store.delete("src/b.dcm");
        assertThat(BlobTransfer.copyIfUnchanged(store, listed, staging, "b1/a2.dcm"))
                .isEqualTo(CopyOutcome.SOURCE_CHANGED);
        assertThat(BlobTransfer.copyIfUnchanged(store, gone, staging, "b1/b.dcm"))
                .isEqualTo(CopyOutcome.SOURCE_MISSING);
        assertThat(staging.stat("b1/a2.dcm")).isEmpty();
        assertThat(staging.stat("b1/b.dcm")).isEmpty();
    }

    @Test
    void shouldCopyAKnownVersionAboveTheMultipartThresholdOnlyWhileItMatches() throws Exception {
        byte[] large = random(12 * MIB + 3);
        put("src/large.dcm", large);
        BlobInfo listed = store.stat("src/large.dcm").orElseThrow();
        S3BlobStore staging = new S3BlobStore(client, proxy.connection(), bucket, "staging/", SMALL_PARTS);

        assertThat(BlobTransfer.copyIfUnchanged(store, listed, staging, "b1/large.dcm"))
                .isEqualTo(CopyOutcome.COPIED_SERVER_SIDE);
        put("src/large.dcm", random(12 * MIB + 4));

        assertThat(digest(readAll(staging.open("b1/large.dcm")))).isEqualTo(digest(large));
        assertThat(BlobTransfer.copyIfUnchanged(store, listed, staging, "b1/large2.dcm"))
                .isEqualTo(CopyOutcome.SOURCE_CHANGED);
    }

    @Test
    void shouldDeleteThousandsOfKeysWithOneRequestPerThousand() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            keys.add("batch/" + i + " ü.dcm");
        }
        keys.parallelStream().forEach(k -> store.put(k, new ByteArrayInputStream(bytes(k)), k.length()));
        keys.add("batch/never-existed.dcm");
        AwsRequestCounts.Snapshot before = AwsRequestCounts.process().snapshot();

        int deleted = store.deleteAll(keys);

        assertThat(deleted).isEqualTo(keys.size());
        assertThat(AwsRequestCounts.process().snapshot().since(before).attempts()).containsOnly(
                Map.entry("S3.DeleteObjects", 3L));
        assertThat(store.list("batch/", null, 1000).objects()).isEmpty();
    }

    @Test
    void shouldNotCopyServerSideFromAnotherProvider(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) {
        FileBlobStore folder = new FileBlobStore(temp);
        folder.write("a.dcm", new ByteArrayInputStream(bytes("abc")), 3);

        assertThat(store.copyServerSide(folder, "a.dcm", "a.dcm")).isFalse();
        assertThat(BlobTransfer.copy(folder, "a.dcm", store, "a.dcm")).isFalse();
        assertThat(store.stat("a.dcm")).get().extracting(BlobInfo::size).isEqualTo(3L);
        BlobInfo listed = folder.stat("a.dcm").orElseThrow();
        assertThat(BlobTransfer.copyIfUnchanged(folder, listed, store, "b.dcm")).isEqualTo(CopyOutcome.COPIED_STREAMED);
        assertThat(store.stat("b.dcm")).get().extracting(BlobInfo::size).isEqualTo(3L);
    }

    @Test
    void shouldDeleteAndTreatTaggingAsUnsupportedOnS3proxy() {
        put("d.dcm", bytes("x"));

        TaggingResult tagging = store.tag("d.dcm", Map.of("ahi-bridge-p10", "compliant"));
        store.delete("d.dcm");
        store.delete("d.dcm");

        assertThat(tagging).isEqualTo(TaggingResult.UNSUPPORTED);
        assertThat(store.stat("d.dcm")).isEmpty();
    }

    @Test
    void shouldTranslateMissingObjectsIntoAClearStorageException() {
        assertThatThrownBy(() -> readAll(store.open("missing.dcm")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("missing.dcm")
                .hasMessageContaining("404");
    }

    private static String digest(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
