package org.ahibridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileBlobStoreTest {

    @TempDir
    Path temp;

    FileBlobStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = new FileBlobStore(temp.resolve("root"));
    }

    private void put(String key, String content) {
        store.write(key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), -1);
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> listAll(String prefix, int pageSize) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            ListPage page = store.list(prefix, token, pageSize);
            assertThat(page.objects()).hasSizeLessThanOrEqualTo(pageSize);
            page.objects().forEach(o -> keys.add(o.key()));
            token = page.nextToken();
        } while (token != null);
        return keys;
    }

    @Nested
    class Listing {

        @Test
        void shouldListEveryFileOnceAcrossPagesInDepthFirstNameOrder() {
            List<String> keys = List.of("a-b", "a/b/c.dcm", "a/b/d.dcm", "a/c.dcm", "b.dcm", "z/y/x/w.dcm");
            keys.forEach(k -> put(k, k));

            List<String> listed = listAll("", 2);

            assertThat(listed).containsExactly("a/b/c.dcm", "a/b/d.dcm", "a/c.dcm", "a-b", "b.dcm", "z/y/x/w.dcm");
            assertThat(listAll("", 1)).isEqualTo(listed);
            assertThat(listAll("", 100)).isEqualTo(listed);
        }

        @Test
        void shouldResumeFromAPersistedTokenWithANewStoreInstance() {
            List.of("1.dcm", "2.dcm", "3/4.dcm", "3/5.dcm", "6.dcm").forEach(k -> put(k, k));
            ListPage first = store.list("", null, 3);

            FileBlobStore restarted = new FileBlobStore(temp.resolve("root"));
            ListPage second = restarted.list("", first.nextToken(), 3);

            assertThat(first.objects()).extracting(BlobInfo::key).containsExactly("1.dcm", "2.dcm", "3/4.dcm");
            assertThat(second.objects()).extracting(BlobInfo::key).containsExactly("3/5.dcm", "6.dcm");
            assertThat(second.isLast()).isTrue();
        }

        @Test
        void shouldListOnlyKeysUnderThePrefix() {
            List.of("in/a.dcm", "in/sub/b.dcm", "inbox/c.dcm", "out/d.dcm").forEach(k -> put(k, k));

            assertThat(listAll("in/", 10)).containsExactly("in/a.dcm", "in/sub/b.dcm");
            assertThat(listAll("in", 10)).containsExactly("in/a.dcm", "in/sub/b.dcm", "inbox/c.dcm");
        }

        @Test
        void shouldReturnAnEmptyLastPageForAnEmptyFolder() {
            ListPage page = store.list("", null, 10);

            assertThat(page.objects()).isEmpty();
            assertThat(page.isLast()).isTrue();
        }

        @Test
        void shouldNotListSymbolicLinksLeadingOutside() throws IOException {
            Path outside = Files.writeString(temp.resolve("secret.txt"), "secret");
            Files.createSymbolicLink(store.root().resolve("link.dcm"), outside);
            put("real.dcm", "x");

            assertThat(listAll("", 10)).containsExactly("real.dcm");
        }
    }

    @Nested
    class OddNames {

        @ParameterizedTest
        @ValueSource(strings = {"with space.dcm", "ünïcødé/画像.dcm", "-leading-dash", "per%cent#hash?.dcm",
            "deep/er/and/deeper/file", ".hidden", "trailing.dot."})
        void shouldWriteStatReadAndListOddButSafeNames(String key) throws IOException {
            put(key, "content of " + key);

            assertThat(store.stat(key)).get().extracting(BlobInfo::size)
                    .isEqualTo((long) ("content of " + key).getBytes(StandardCharsets.UTF_8).length);
            assertThat(read(store.open(key))).isEqualTo("content of " + key);
            assertThat(listAll("", 10)).containsExactly(key);
        }

        @ParameterizedTest
        @ValueSource(strings = {"../escape.dcm", "a/../../escape.dcm", "/etc/passwd", "a//b", "./a", "a/.", "a\\b",
            "nul\0byte", ""})
        void shouldRefuseKeysThatCouldLeaveTheFolder(String key) {
            assertThatThrownBy(() -> store.open(key)).isInstanceOf(StorageException.class)
                    .hasMessageContaining("unsafe object key");
            assertThatThrownBy(() -> put(key, "x")).isInstanceOf(StorageException.class);
            assertThat(Files.exists(temp.resolve("escape.dcm"))).isFalse();
        }

        @Test
        void shouldRefuseToReadThroughASymbolicLinkLeadingOutside() throws IOException {
            Path outside = Files.writeString(temp.resolve("secret.txt"), "secret");
            Files.createSymbolicLink(store.root().resolve("link.dcm"), outside);
            Files.createSymbolicLink(store.root().resolve("dir"), temp);

            assertThatThrownBy(() -> store.open("link.dcm")).hasMessageContaining("symbolic link");
            assertThatThrownBy(() -> put("dir/planted.dcm", "x")).hasMessageContaining("symbolic link");
            assertThatThrownBy(() -> put("dir/new/planted.dcm", "x")).hasMessageContaining("symbolic link");
            assertThat(Files.exists(temp.resolve("planted.dcm"))).isFalse();
            assertThat(Files.exists(temp.resolve("new"))).isFalse();
        }
    }

    @Nested
    class ReadingAndWriting {

        @Test
        void shouldReadTheRequestedByteRangeOnly() throws IOException {
            put("f.bin", "0123456789");

            assertThat(read(store.openRange("f.bin", 2, 5))).isEqualTo("234");
            assertThat(read(store.openRange("f.bin", 8, 100))).isEqualTo("89");
            assertThat(read(store.openRange("f.bin", 20, 30))).isEmpty();
        }

        @Test
        void shouldChangeTheVersionWhenTheContentChanges() {
            put("f.bin", "one");
            String first = store.stat("f.bin").orElseThrow().version();
            put("f.bin", "three");

            assertThat(store.stat("f.bin").orElseThrow().version()).isNotEqualTo(first);
        }

        @Test
        void shouldReportMissingObjectsAsAbsentAndClearly() {
            assertThat(store.stat("missing.dcm")).isEmpty();
            assertThatThrownBy(() -> store.open("missing.dcm")).hasMessageContaining("does not exist");
        }

        @Test
        void shouldLeaveNoTemporaryFileAfterAWrite() throws IOException {
            put("a/b.dcm", "x");

            try (var files = Files.walk(store.root())) {
                assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .containsExactly("b.dcm");
            }
        }

        @Test
        void shouldCopyBetweenFoldersAndDelete() throws IOException {
            FileBlobStore other = new FileBlobStore(temp.resolve("other"));
            put("src/a.dcm", "payload");

            assertThat(other.copyServerSide(store, "src/a.dcm", "dst/a copy.dcm")).isTrue();
            store.delete("src/a.dcm");
            store.delete("src/a.dcm");

            assertThat(read(other.open("dst/a copy.dcm"))).isEqualTo("payload");
            assertThat(store.stat("src/a.dcm")).isEmpty();
        }

        @Test
        void shouldAnswerUnsupportedForTags() {
            put("a.dcm", "x");

            assertThat(store.tag("a.dcm", Map.of("p10", "compliant"))).isEqualTo(TaggingResult.UNSUPPORTED);
        }
    }
}
