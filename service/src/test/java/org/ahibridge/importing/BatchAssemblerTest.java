package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchAssemblerTest {

    Ledger ledger;
    String run;
    final AtomicInteger ids = new AtomicInteger();

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(true));
        run = "run-1";
        ledger.runs.start(run, "landing", "", "main");
    }

    @AfterEach
    void tearDown() {
        ledger.database.close();
    }

    BatchAssembler assembler(BatchPolicy policy) {
        return new BatchAssembler(ledger.batches, ledger.transitions, ledger.transactions, policy,
                () -> "batch-" + ids.incrementAndGet(), ledger.clock);
    }

    SourceObject classified(String key, long size) {
        long id = ledger.objects.discover(run, new ObjectVersion("landing", key, "e", size, Instant.EPOCH), "main")
                .object().id();
        ledger.transitions.classify(id, Verdict.compliant("1.2." + id, "1.2", "1.2.1", "1.2.840.10008.1.2.1"));
        return ledger.objects.find(id).orElseThrow();
    }

    static BatchPolicy policy(int maxFiles, long maxBytes) {
        return new BatchPolicy(maxFiles, maxBytes, maxBytes, Duration.ofMinutes(5), 0);
    }

    List<Batch> allBatches() {
        List<Batch> all = new ArrayList<>();
        for (BatchState state : BatchState.values()) {
            all.addAll(ledger.batches.inState(state));
        }
        return all;
    }

    @Test
    void shouldNeverPutMoreThanAhisFiveThousandFilesIntoOneBatch() {
        BatchAssembler assembler = assembler(BatchPolicy.AHI_DEFAULTS);
        Placement first = assembler.add(classified("first.dcm", 1_000));
        // Stand in for 4,998 more files: the limit is enforced by the database's conditional update.
        ledger.database.jdbc().sql("update import_batch set file_count = file_count + 4998 where batch_id = ?")
                .param(first.batchId()).update();

        Placement fiveThousandth = assembler.add(classified("f4999.dcm", 1_000));
        Placement next = assembler.add(classified("f5000.dcm", 1_000));

        assertThat(fiveThousandth.batchId()).isEqualTo(first.batchId());
        assertThat(fiveThousandth.sealedBatch()).isTrue();
        assertThat(next.batchId()).isNotEqualTo(first.batchId());
        assertThat(allBatches()).extracting(Batch::fileCount).containsExactlyInAnyOrder(5_000, 1);
        assertThat(ledger.batches.reserve(first.batchId(), 1, 5_000, 10_000_000_000L)).isFalse();
    }

    @Test
    void shouldAddToTheBatchOpenNowWhenTheOneItLastUsedWasSealedElsewhere() {
        BatchAssembler assembler = assembler(policy(100, 1_000_000));
        Placement first = assembler.add(classified("a.dcm", 10));
        // Another instance (or the age limit) seals it; this assembler still remembers it as open.
        assertThat(ledger.batches.seal(first.batchId())).isTrue();
        ledger.batches.open("elsewhere", "main");

        Placement second = assembler.add(classified("b.dcm", 10));
        Placement third = assembler.add(classified("c.dcm", 10));

        assertThat(second.batchId()).isEqualTo("elsewhere");
        assertThat(third.batchId()).isEqualTo("elsewhere");
        assertThat(ledger.batches.find(first.batchId()).orElseThrow().fileCount()).isEqualTo(1);
        assertThat(ledger.batches.find("elsewhere").orElseThrow().fileCount()).isEqualTo(2);
    }

    @Test
    void shouldSealTheRememberedBatchWhenTheNextFileDoesNotFit() {
        BatchAssembler assembler = assembler(policy(100, 100));
        Placement first = assembler.add(classified("a.dcm", 60));

        Placement second = assembler.add(classified("b.dcm", 60));

        assertThat(first.sealedBatch()).isFalse();
        assertThat(second.batchId()).isNotEqualTo(first.batchId());
        assertThat(ledger.batches.find(first.batchId()).orElseThrow().state()).isEqualTo(BatchState.SEALED);
        assertThat(ledger.batches.find(second.batchId()).orElseThrow().fileCount()).isEqualTo(1);
    }

    @Test
    void shouldAddAPagesFilesTogetherAndSealTheBatchTheyFill() {
        BatchAssembler assembler = assembler(policy(4, 1_000_000));
        Placement first = assembler.add(classified("first.dcm", 10));
        List<SourceObject> page = List.of(classified("p1.dcm", 10), classified("p2.dcm", 20), classified("p3.dcm", 30));

        assembler.addAll(page);

        Batch batch = ledger.batches.find(first.batchId()).orElseThrow();
        assertThat(batch.fileCount()).isEqualTo(4);
        assertThat(batch.byteCount()).isEqualTo(70);
        assertThat(batch.state()).isEqualTo(BatchState.SEALED);
        assertThat(ledger.objects.inBatch(first.batchId())).hasSize(4);
    }

    @Test
    void shouldSplitAPageThatDoesNotFitTheOpenBatchFileByFile() {
        BatchAssembler assembler = assembler(policy(3, 1_000_000));
        assembler.add(classified("first.dcm", 10));
        List<SourceObject> page = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            page.add(classified("p" + i + ".dcm", 10));
        }

        assembler.addAll(page);

        assertThat(allBatches()).extracting(Batch::fileCount).containsExactlyInAnyOrder(3, 3);
        assertThat(allBatches()).allSatisfy(b -> assertThat(ledger.objects.inBatch(b.id())).hasSize(b.fileCount()));
    }

    @Test
    void shouldGiveBackTheRoomOfPageFilesAnotherWorkerBatchedFirst() {
        BatchAssembler assembler = assembler(policy(100, 1_000_000));
        List<SourceObject> page = List.of(classified("p1.dcm", 10), classified("p2.dcm", 20), classified("p3.dcm", 40));
        // Another instance batched p2 into a batch of its own (sealed since) before this page's turn.
        ledger.batches.open("theirs", "main");
        ledger.batches.reserve("theirs", 20, 100, 1_000_000);
        ledger.transitions.assignBatch(page.get(1).id(), "theirs");
        ledger.batches.seal("theirs");

        assembler.addAll(page);

        Batch mine = ledger.batches.findOpen("main").orElseThrow();
        assertThat(mine.fileCount()).isEqualTo(2);
        assertThat(mine.byteCount()).isEqualTo(50);
        assertThat(ledger.objects.inBatch(mine.id())).extracting(SourceObject::key)
                .containsExactlyInAnyOrder("p1.dcm", "p3.dcm");
        assertThat(ledger.objects.inBatch("theirs")).extracting(SourceObject::key).containsExactly("p2.dcm");
    }

    @Test
    void shouldNeverExceedTenGigabytesPerBatch() {
        BatchAssembler assembler = assembler(BatchPolicy.AHI_DEFAULTS);

        Placement first = assembler.add(classified("a.dcm", 4_000_000_000L));
        Placement second = assembler.add(classified("b.dcm", 4_000_000_000L));
        Placement third = assembler.add(classified("c.dcm", 4_000_000_000L));

        assertThat(second.batchId()).isEqualTo(first.batchId());
        assertThat(third.batchId()).isNotEqualTo(first.batchId());
        assertThat(ledger.batches.find(first.batchId()).orElseThrow())
                .satisfies(b -> assertThat(b.byteCount()).isEqualTo(8_000_000_000L))
                .satisfies(b -> assertThat(b.state()).isEqualTo(BatchState.SEALED));
    }

    @Test
    void shouldSealABatchThatIsExactlyFull() {
        Placement placement = null;
        BatchAssembler assembler = assembler(policy(10, 300));
        for (int i = 0; i < 3; i++) {
            placement = assembler.add(classified("x" + i, 100));
        }

        assertThat(placement.sealedBatch()).isTrue();
        assertThat(ledger.batches.findOpen("main")).isEmpty();
    }

    @Test
    void shouldFailAFileTooLargeForAnyImportJobWithTheReason() {
        SourceObject huge = classified("huge.dcm", 10_000_000_001L);

        Placement placement = assembler(BatchPolicy.AHI_DEFAULTS).add(huge);

        assertThat(placement.kind()).isEqualTo(Placement.Kind.TOO_LARGE);
        SourceObject row = ledger.objects.find(huge.id()).orElseThrow();
        assertThat(row.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(row.outcomeReason()).isEqualTo("file is 10000000001 bytes; an AHI import job takes files of at most"
                + " 10000000000 bytes (ahibridge.import.batch.max-file-bytes, docs/aws-healthimaging.md §8.1)");
        assertThat(allBatches()).isEmpty();
    }

    @Test
    void shouldSealAnOpenBatchOnceItIsOlderThanTheMaximumAge() {
        BatchAssembler assembler = assembler(policy(100, 10_000));
        Placement placement = assembler.add(classified("a.dcm", 10));

        assertThat(assembler.sealExpired()).isZero();
        ledger.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(assembler.sealExpired()).isEqualTo(1);
        assertThat(ledger.batches.find(placement.batchId()).orElseThrow().state()).isEqualTo(BatchState.SEALED);
    }

    @Test
    void shouldPlaceEveryFileExactlyOnceWhenWorkersAddConcurrently() throws Exception {
        BatchAssembler assembler = assembler(policy(7, 1_000_000));
        List<SourceObject> files = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            files.add(classified("c" + i, 10));
        }
        List<Callable<Placement>> tasks = new ArrayList<>();
        for (SourceObject file : files) {
            tasks.add(() -> assembler.add(file));
            tasks.add(() -> assembler.add(file));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Placement> placements = new ArrayList<>();
        try {
            for (Future<Placement> future : pool.invokeAll(tasks)) {
                placements.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(placements.stream().filter(p -> p.kind() == Placement.Kind.ADDED)).hasSize(60);
        assertThat(allBatches()).allSatisfy(b -> assertThat(b.fileCount()).isBetween(1, 7));
        assertThat(allBatches().stream().mapToInt(Batch::fileCount).sum()).isEqualTo(60);
        assertThat(allBatches()).allSatisfy(b -> assertThat(ledger.objects.inBatch(b.id())).hasSize(b.fileCount()));
    }
}
