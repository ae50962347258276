package org.ahibridge.importing;

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
import java.util.Optional;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.ListPage;
import org.ahibridge.storage.StorageException;
import org.ahibridge.storage.TaggingResult;
import org.ahibridge.storage.FileBlobStore;
import org.ahibridge.storage.StorageLocation;
import org.ahibridge.storage.StorageProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchStagerTest {

    static final StorageLocation STAGING = new StorageLocation(StorageProvider.S3, "staging-bucket", "ahi-staging/");

    @TempDir
    Path temp;

    Ledger ledger;
    FileBlobStore source;
    FileBlobStore staging;
    final List<AuditRecord> audit = new ArrayList<>();
    BatchStager stager;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(true));
        source = new FileBlobStore(temp.resolve("source"));
        staging = new FileBlobStore(temp.resolve("staging"));
        stager = new BatchStager(ledger.objects, ledger.transitions, ledger.batches,
                new AuditedOutcomes(ledger.objects, ledger.transitions, audit::add, ledger.clock));
        ledger.runs.start("run-1", "inbox", "", "main");
        ledger.batches.open("B1", "main");
    }

    @AfterEach
    void tearDown() {
        ledger.database.close();
    }

    SourceObject batched(String key, String content) {
        BlobInfo info = source.write(key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), -1);
        long id = ledger.objects.discover("run-1", new ObjectVersion("inbox", key, info.version(), info.size(),
                info.lastModified()), "main").object().id();
        ledger.transitions.classify(id, Verdict.compliant("1.2." + id, "1.2", "1.2.1", "1.2.840.10008.1.2.1"));
        ledger.batches.reserve("B1", info.size(), 10, 10_000);
        ledger.transitions.assignBatch(id, "B1");
        return ledger.objects.find(id).orElseThrow();
    }

    Batch sealed() {
        ledger.batches.seal("B1");
        return ledger.batches.find("B1").orElseThrow();
    }

    @Test
    void shouldStopAndLeaveTheBatchSealedWhenItsLeaseWasTakenOverMidWay() {
        for (int i = 0; i < 150; i++) {
            batched("f" + i + ".dcm", "content " + i);
        }
        Batch batch = sealed();
        List<Boolean> asked = new ArrayList<>();

        BatchStager.Result lost = stager.stage(batch, staging, STAGING, storage -> source, () -> asked.add(false) && false);
        BatchStager.Result takenOver = stager.stage(batch, staging, STAGING, storage -> source, () -> true);

        assertThat(asked).hasSize(1);
        assertThat(lost.staged()).isEqualTo(BatchStager.LEASE_CHECK_EVERY - 1);
        assertThat(takenOver.staged()).isEqualTo(150);
        assertThat(ledger.batches.find("B1").orElseThrow().state()).isEqualTo(BatchState.STAGED);
        assertThat(ledger.objects.inBatch("B1")).allSatisfy(f -> assertThat(f.state()).isEqualTo(WorkState.STAGED));
    }

    @Test
    void shouldCopyEveryUnchangedFileIntoTheBatchFolderOnly() throws IOException {
        SourceObject odd = batched("study 1/ü.dcm", "odd");
        batched("plain.dcm", "plain");
        batched("changed.dcm", "v1");
        batched("deleted.dcm", "gone");
        source.write("changed.dcm", new ByteArrayInputStream("version two".getBytes(StandardCharsets.UTF_8)), -1);
        source.delete("deleted.dcm");

        BatchStager.Result result = stager.stage(sealed(), staging, STAGING, storage -> source);

        assertThat(result).isEqualTo(new BatchStager.Result(2, 2, 2));
        try (var files = Files.walk(staging.root())) {
            assertThat(files.filter(Files::isRegularFile).map(p -> staging.root().relativize(p).toString()))
                    .containsExactlyInAnyOrder("B1/" + odd.id() + "-study!201!2F!C3!BC.dcm",
                            "B1/" + (odd.id() + 1) + "-plain.dcm");
        }
        SourceObject stagedOdd = ledger.objects.find(odd.id()).orElseThrow();
        assertThat(stagedOdd.state()).isEqualTo(WorkState.STAGED);
        assertThat(stagedOdd.stagingKey()).isEqualTo("ahi-staging/B1/" + odd.id() + "-study!201!2F!C3!BC.dcm");
        assertThat(ledger.batches.find("B1").orElseThrow())
                .satisfies(b -> assertThat(b.state()).isEqualTo(BatchState.STAGED))
                .satisfies(b -> assertThat(b.stagingPrefix()).isEqualTo("ahi-staging/B1/"));
        assertThat(ledger.runs.outcomeCounts("run-1")).isEqualTo(Map.of(Outcome.FAILED, 2));
        assertThat(audit).extracting(AuditRecord::reason)
                .anySatisfy(r -> assertThat(r).isEqualTo("the source object was deleted before staging"))
                .anySatisfy(r -> assertThat(r).startsWith("the source object changed before staging"));
    }

    @Test
    void shouldRecordTheCopiesThatSucceededAndLeaveTheBatchSealedWhenACopyFails() {
        for (int i = 0; i < 40; i++) {
            batched("f" + i + ".dcm", "content " + i);
        }
        BlobStore failing = new FailingStatStore(source, "f7.dcm");

        assertThatThrownBy(() -> stager.stage(sealed(), staging, STAGING, storage -> failing))
                .isInstanceOf(StorageException.class).hasMessageContaining("SlowDown");

        assertThat(ledger.batches.find("B1").orElseThrow().state()).isEqualTo(BatchState.SEALED);
        assertThat(ledger.objects.inBatch("B1")).filteredOn(f -> f.state() == WorkState.BATCHED)
                .extracting(SourceObject::key).contains("f7.dcm");
        BatchStager.Result again = stager.stage(ledger.batches.find("B1").orElseThrow(), staging, STAGING,
                storage -> source);
        assertThat(again.staged()).isEqualTo(40);
        assertThat(ledger.batches.find("B1").orElseThrow().state()).isEqualTo(BatchState.STAGED);
    }

    /** A source whose stat of one key fails as S3 does when it asks to slow down. */
    record FailingStatStore(BlobStore delegate, String failingKey) implements BlobStore {
        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public ListPage list(String prefix, String token, int maxKeys) {
            return delegate.list(prefix, token, maxKeys);
        }

        @Override
        public Optional<BlobInfo> stat(String key) {
            if (key.equals(failingKey)) {
                throw new StorageException("S3 HeadObject failed: HTTP 503 SlowDown", true, null);
            }
            return delegate.stat(key);
        }

        @Override
        public InputStream openRange(String key, long from, long to) {
            return delegate.openRange(key, from, to);
        }

        @Override
        public InputStream open(String key) {
            return delegate.open(key);
        }

        @Override
        public BlobInfo write(String key, InputStream content, long size) {
            return delegate.write(key, content, size);
        }

        @Override
        public boolean copyServerSide(BlobStore source, String sourceKey, String targetKey) {
            return false;
        }

        @Override
        public void delete(String key) {
            delegate.delete(key);
        }

        @Override
        public TaggingResult tag(String key, Map<String, String> tags) {
            return TaggingResult.UNSUPPORTED;
        }
    }

    @Test
    void shouldAbandonABatchWhenNoFileCanBeStaged() {
        batched("deleted.dcm", "gone");
        source.delete("deleted.dcm");

        BatchStager.Result result = stager.stage(sealed(), staging, STAGING, storage -> source);

        assertThat(result.staged()).isZero();
        assertThat(ledger.batches.find("B1").orElseThrow().state()).isEqualTo(BatchState.FAILED);
    }
}
