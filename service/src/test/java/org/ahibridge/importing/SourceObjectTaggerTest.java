package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceTags;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.AccessModeException;
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.FileBlobStore;
import org.ahibridge.storage.ListPage;
import org.ahibridge.storage.StorageException;
import org.ahibridge.storage.StorageRegistration;
import org.ahibridge.storage.StorageSelection;
import org.ahibridge.storage.StorageUris;
import org.ahibridge.storage.TaggingResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceObjectTaggerTest {

    static final Verdict NOT_P10 = Verdict.notCompliant("TRUNCATED", "Pixel Data (7FE0,0010) at offset 100 is cut");

    @TempDir
    Path temp;

    Ledger ledger;
    SourceTags results;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(false));
        results = new SourceTags(ledger.database.jdbc(), ledger.clock);
        ledger.runs.start("run-1", "landing", "", "main");
    }

    @AfterEach
    void tearDown() {
        ledger.database.close();
    }

    @Test
    void shouldWriteTheVerdictAndReasonCodeOnlyAndRecordApplied() {
        TaggingStore store = new TaggingStore(tags -> TaggingResult.APPLIED);
        SourceObject object = object("a.dcm");

        new SourceObjectTagger(true, results).tag(store, object, NOT_P10);

        assertThat(store.calls).containsExactly(Map.of("ahi-bridge-p10", "not-compliant",
                "ahi-bridge-p10-reason", "TRUNCATED"));
        assertThat(results.find(object.id())).isEqualTo("APPLIED");
    }

    @Test
    void shouldAskAStorageWithoutTaggingOnceAndRecordEveryFileUnsupported() {
        TaggingStore store = new TaggingStore(tags -> TaggingResult.UNSUPPORTED);
        SourceObjectTagger tagger = new SourceObjectTagger(true, results);
        SourceObject first = object("a.dcm");
        SourceObject second = object("b.dcm");

        tagger.tag(store, first, NOT_P10);
        tagger.tag(store, second, NOT_P10);

        assertThat(store.calls).hasSize(1);
        assertThat(results.find(first.id())).isEqualTo("UNSUPPORTED");
        assertThat(results.find(second.id())).isEqualTo("UNSUPPORTED");
    }

    @Test
    void shouldRecordAFailedTagAndGoOn() {
        TaggingStore store = new TaggingStore(tags -> {
            throw new StorageException("S3 object tagging of s3://landing/a.dcm failed: HTTP 403 AccessDenied: denied",
                    false, null);
        });
        SourceObject object = object("a.dcm");

        new SourceObjectTagger(true, results).tag(store, object, NOT_P10);

        assertThat(results.find(object.id())).isEqualTo("FAILED");
    }

    @Test
    void shouldDoNothingWhenNotAskedTo() {
        TaggingStore store = new TaggingStore(tags -> TaggingResult.APPLIED);
        SourceObject object = object("a.dcm");
        SourceObjectTagger tagger = new SourceObjectTagger(false, results);

        tagger.tag(store, object, NOT_P10);
        tagger.requireAllowed(registration(AccessMode.READ));

        assertThat(store.calls).isEmpty();
        assertThat(results.find(object.id())).isNull();
    }

    @Test
    void shouldRefuseASourceThatMayNotBeWritten() {
        SourceObjectTagger tagger = new SourceObjectTagger(true, results);

        assertThatThrownBy(() -> tagger.requireAllowed(registration(AccessMode.READ)))
                .isInstanceOf(AccessModeException.class)
                .hasMessageContaining("ahibridge.import.tag-source-objects is true")
                .hasMessageContaining("ahibridge.storages.landing.access to read-write");
        tagger.requireAllowed(registration(AccessMode.READ_WRITE));
    }

    @Test
    void shouldRecordAFolderUnsupported() {
        SourceObject object = object("a.dcm");

        new SourceObjectTagger(true, results).tag(new FileBlobStore(temp), object, NOT_P10);

        assertThat(results.find(object.id())).isEqualTo("UNSUPPORTED");
    }

    private SourceObject object(String key) {
        return ledger.objects.discover("run-1", new ObjectVersion("landing", key, "v1", 10, Instant.EPOCH), "main")
                .object();
    }

    private StorageSelection registration(AccessMode mode) {
        return new StorageSelection(new StorageRegistration("landing", StorageUris.parse("file:" + temp), mode, null,
                false), "");
    }

    /** A store whose only working operation is {@link #tag}, answered by a script. */
    static final class TaggingStore implements BlobStore {

        final List<Map<String, String>> calls = new ArrayList<>();
        final Function<Map<String, String>, TaggingResult> answer;

        TaggingStore(Function<Map<String, String>, TaggingResult> answer) {
            this.answer = answer;
        }

        @Override
        public TaggingResult tag(String key, Map<String, String> tags) {
            calls.add(Map.copyOf(tags));
            return answer.apply(tags);
        }

        @Override
        public String describe() {
            return "s3://landing/";
        }

        @Override
        public ListPage list(String prefix, String token, int maxKeys) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<BlobInfo> stat(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream openRange(String key, long from, long to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BlobInfo write(String key, InputStream content, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean copyServerSide(BlobStore source, String sourceKey, String targetKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {
            throw new UnsupportedOperationException();
        }
    }
}
