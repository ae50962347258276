package org.ahibridge.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.ListPage;
import org.ahibridge.storage.StorageException;
import org.ahibridge.storage.TaggingResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/** The gcs provider's BlobStore contract, against the in-process GCS fake (a real client over an in-memory RPC). */
class GcsBlobStoreTest {

    static final int MIB = 1024 * 1024;

    FakeGcs gcs;
    GcsBlobStore store;

    @BeforeEach
    void createBucket() {
        gcs = new FakeGcs();
        store = new GcsBlobStore(gcs.storage(), "bucket", "root/", MIB);
    }

    @Test
    void shouldListEveryObjectOnceInNameOrderAcrossPagesAndResumeFromAPersistedToken() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            keys.add("d" + (i % 3) + "/file " + i + (i % 5 == 0 ? " é日本.dcm" : ".dcm"));
        }
        keys.forEach(key -> put(key, key));
        gcs.storage().create(com.google.cloud.storage.BlobInfo.newBuilder("bucket", "elsewhere/a.dcm").build(), new byte[1]);
        gcs.storage().create(com.google.cloud.storage.BlobInfo.newBuilder("bucket", "root/d0/").build(), new byte[0]);

        List<String> listed = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            // A new store per page: the token is all the state a listing needs (as after a restart).
            ListPage page = new GcsBlobStore(gcs.storage(), "bucket", "root/").list("", token, 7);
            page.objects().forEach(o -> listed.add(o.key()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        List<String> expected = new ArrayList<>(keys);
        expected.sort(Comparator.comparing(k -> k.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4);
        assertThat(store.list("d1/", null, 100).objects()).extracting(BlobInfo::key)
                .allSatisfy(k -> assertThat(k).startsWith("d1/")).hasSize(8);
    }

    @Test
    void shouldResumeAfterTheLastKeyWhenGcsRejectsAStoredPageToken() {
        for (int i = 0; i < 10; i++) {
            put("k" + i, "v");
        }
        ListPage first = store.list("", null, 4);
        gcs.fail("list", 400, 1);

        List<String> rest = new ArrayList<>();
        String token = first.nextToken();
        while (token != null) {
            ListPage page = store.list("", token, 4);
            page.objects().forEach(o -> rest.add(o.key()));
            token = page.nextToken();
        }

        assertThat(first.objects()).extracting(BlobInfo::key).containsExactly("k0", "k1", "k2", "k3");
        // startOffset is inclusive: the last key comes back once more and is dropped, never handed out twice.
        assertThat(rest).containsExactly("k4", "k5", "k6", "k7", "k8", "k9");
        assertThatThrownBy(() -> store.list("", "not a token", 4)).isInstanceOf(StorageException.class)
                .hasMessageContaining("reset the listing position");
    }

    @Test
    void shouldStatSizeMd5VersionAndUpdateTimeAndSeeOnlyNewContentAsANewVersion() {
        BlobInfo written = put("a.dcm", "hello");
        BlobInfo stat = store.stat("a.dcm").orElseThrow();

        assertThat(stat.size()).isEqualTo(5);
        assertThat(stat.version()).isEqualTo(written.version()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(stat.lastModified()).isNotNull();
        assertThat(store.stat("missing.dcm")).isEmpty();

        assertThat(put("a.dcm", "hello").version()).as("identical bytes again").isEqualTo(written.version());
        BlobInfo changed = put("a.dcm", "hello, again");
        assertThat(changed.version()).isNotEqualTo(written.version());
        assertThat(store.stat("a.dcm").orElseThrow().size()).isEqualTo(12);
    }

    @Test
    void shouldDeleteManyKeysInBatchesAndTreatMissingOnesAsGone() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            keys.add("batch/" + i + ".dcm");
            put("batch/" + i + ".dcm", "x");
        }
        keys.add("batch/never-there.dcm");

        assertThat(store.deleteAll(keys)).isEqualTo(251);

        assertThat(store.list("batch/", null, 1000).objects()).isEmpty();
    }

    @Test
    void shouldReadRangesClampedToTheObject() throws IOException {
        put("r.bin", "0123456789");

        assertThat(read(store.openRange("r.bin", 2, 5))).isEqualTo("234");
        assertThat(read(store.openRange("r.bin", 7, 100))).isEqualTo("789");
        assertThat(read(store.openRange("r.bin", 10, 20))).isEmpty();
        assertThat(read(store.openRange("r.bin", 5, 5))).isEmpty();
        assertThat(read(store.open("r.bin"))).isEqualTo("0123456789");
        put("empty.dcm", "");
        assertThat(read(store.open("empty.dcm"))).isEmpty();
    }

    @Test
    void shouldFailReadsOfAMissingObjectAtOpenAsPermanent() {
        assertThatThrownBy(() -> store.open("nope.dcm")).isInstanceOf(StorageException.class)
                .hasMessageContaining("does not exist").matches(e -> !((StorageException) e).isTransient());
        assertThatThrownBy(() -> store.openRange("nope.dcm", 0, 10)).isInstanceOf(StorageException.class);
    }

    @Test
    void shouldWriteSeveralMegabytesInChunksWithKnownAndUnknownSize() throws IOException {
        byte[] content = new byte[5 * MIB + 3];
        new Random(7).nextBytes(content);

        BlobInfo unsized = store.write("big/unsized.bin", new ByteArrayInputStream(content), -1);
        BlobInfo sized = store.write("big/sized.bin", new ByteArrayInputStream(content), content.length);
        BlobInfo small = store.write("big/small.bin", new ByteArrayInputStream(content, 0, 1000), 1000);

        assertThat(unsized.size()).isEqualTo(content.length);
        assertThat(sized.size()).isEqualTo(content.length);
        assertThat(small.size()).isEqualTo(1000);
        try (InputStream in = store.open("big/unsized.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (InputStream in = store.openRange("big/sized.bin", 3 * MIB - 5, 3 * MIB + 5)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 3 * MIB - 5, 3 * MIB + 5));
        }
    }

    @Test
    void shouldLeaveNoObjectWhenTheContentFailsMidUpload() {
        InputStream failing = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 3 * MIB) {
                    throw new IOException("source connection reset");
                }
                return 1;
            }
        };

        assertThatThrownBy(() -> store.write("half.bin", failing, -1)).isInstanceOf(StorageException.class)
                .hasMessageContaining("source connection reset");
        assertThatThrownBy(() -> store.write("short.bin", new ByteArrayInputStream(new byte[10]), 20))
                .isInstanceOf(StorageException.class).hasMessageContaining("nothing was written");
        // Nothing of the 3 MiB sent appears. (The fake registers the name as an empty object when the
        // resumable session opens; real GCS shows nothing until the upload is finalised.)
        assertThat(store.stat("half.bin").map(BlobInfo::size).orElse(0L)).isZero();
        assertThat(store.stat("short.bin")).isEmpty();
    }

    @Test
    void shouldCopyServerSideOnTheSameClientOnly() throws IOException {
        put("src.dcm", "payload");
        GcsBlobStore other = new GcsBlobStore(gcs.storage(), "bucket", "copies/");

        assertThat(other.copyServerSide(store, "src.dcm", "dst.dcm")).isTrue();
        assertThat(read(other.open("dst.dcm"))).isEqualTo("payload");
        GcsBlobStore otherClient = new GcsBlobStore(new FakeGcs().storage(), "bucket", "");
        assertThat(otherClient.copyServerSide(store, "src.dcm", "dst.dcm")).isFalse();
        assertThatThrownBy(() -> other.copyServerSide(store, "missing.dcm", "x.dcm"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldDeleteAndTreatAMissingObjectAsDeleted() {
        put("gone.dcm", "x");
        store.delete("gone.dcm");
        store.delete("gone.dcm");
        store.delete("never-was.dcm");
        assertThat(store.stat("gone.dcm")).isEmpty();
    }

    @Test
    void shouldKeepTagsAsCustomMetadataWithoutANewGeneration() {
        BlobInfo written = put("t.dcm", "x");

        assertThat(store.tag("t.dcm", Map.of("ahi-verdict", "NON_PRIMARY"))).isEqualTo(TaggingResult.APPLIED);

        // The fake accepts metadata patches without applying them: check what was sent.
        assertThat(gcs.patches()).singleElement().satisfies(patch -> {
            assertThat(patch.getName()).isEqualTo("root/t.dcm");
            assertThat(patch.getMetadata()).containsEntry("ahi-verdict", "NON_PRIMARY");
        });
        assertThat(store.stat("t.dcm").orElseThrow().version()).isEqualTo(written.version());
    }

    @Test
    void shouldTranslateThrottlingAndServerErrorsAsTransientAndDenialAsPermanent() {
        put("e.dcm", "x");
        for (int code : new int[] {429, 500, 503}) {
            gcs.fail("get", code, 1);
            assertThatThrownBy(() -> store.stat("e.dcm")).isInstanceOf(StorageException.class)
                    .hasMessageContaining("HTTP " + code).matches(e -> ((StorageException) e).isTransient(), "transient");
        }
        gcs.fail("get", 0, 1); // no HTTP answer: the connection failed
        assertThatThrownBy(() -> store.stat("e.dcm")).isInstanceOf(StorageException.class)
                .matches(e -> ((StorageException) e).isTransient(), "transient");
        gcs.fail("get", 403, 1);
        assertThatThrownBy(() -> store.stat("e.dcm")).isInstanceOf(StorageException.class)
                .matches(e -> !((StorageException) e).isTransient(), "permanent");
        gcs.fail("list", 503, 1);
        assertThatThrownBy(() -> store.list("", null, 10)).isInstanceOf(StorageException.class)
                .matches(e -> ((StorageException) e).isTransient(), "transient");
    }

    @Test
    void shouldRefuseUnsafeKeysAndNameItsRootInDescribe() {
        assertThat(store.describe()).isEqualTo("gs://bucket/root/");
        assertThatThrownBy(() -> store.stat("../x")).isInstanceOf(StorageException.class).hasMessageContaining("unsafe");
        assertThatThrownBy(() -> new GcsBlobStore(gcs.storage(), "bucket", "", 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private BlobInfo put(String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return store.write(key, new ByteArrayInputStream(bytes), bytes.length);
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
