package org.ahibridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ledger's behaviour, run by {@link LedgerTest} on each supported database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LedgerContract {

    Ledger ledger;
    String storage;
    String run;

    abstract LedgerDatabase createDatabase();

    @BeforeAll
    void createLedger() {
        ledger = new Ledger(createDatabase());
    }

    @AfterAll
    void dropLedger() {
        if (ledger != null) { // null when the database could not be created: nothing to drop
            ledger.database.close();
        }
    }

    @BeforeEach
    void freshNames() {
        storage = "store-" + UUID.randomUUID();
        run = newRun();
    }

    String newRun() {
        String id = "run-" + UUID.randomUUID();
        ledger.runs.start(id, storage, "", "main");
        return id;
    }

    ObjectVersion version(String key, String etag) {
        return new ObjectVersion(storage, key, etag, 100, Instant.parse("2026-01-01T00:00:00Z"));
    }

    SourceObject importOne(String runId, String key) {
        long id = ledger.objects.discover(runId, version(key, "e1"), "main").object().id();
        String batch = "batch-" + UUID.randomUUID();
        ledger.batches.open(batch, "ds-" + batch);
        assertThat(ledger.transitions.classify(id, Verdict.compliant("1.2.3", "1.2", "1.2.1", "1.2.840.10008.1.2.1"))).isTrue();
        assertThat(ledger.transitions.assignBatch(id, batch)).isTrue();
        assertThat(ledger.transitions.staged(id, "staging/" + batch + "/" + key)).isTrue();
        assertThat(ledger.transitions.submitted(batch, "job1")).isEqualTo(1);
        assertThat(ledger.transitions.imported(id, Outcome.IMPORTED, "a".repeat(32), 1, true, null)).isTrue();
        return ledger.objects.find(id).orElseThrow();
    }

    @Test
    void shouldRecordAnObjectVersionOnceHoweverOftenItIsSeen() {
        Discovery first = ledger.objects.discover(run, version("a.dcm", "e1"), "main");
        Discovery again = ledger.objects.discover(run, version("a.dcm", "e1"), "main");

        assertThat(first.isNew()).isTrue();
        assertThat(again.isNew()).isFalse();
        assertThat(again.object().id()).isEqualTo(first.object().id());
        assertThat(again.object().state()).isEqualTo(WorkState.DISCOVERED);
    }

    @Test
    void shouldRecordANewRowForANewVersionOfAKey() {
        long first = ledger.objects.discover(run, version("a.dcm", "e1"), "main").object().id();
        Discovery changed = ledger.objects.discover(run, version("a.dcm", "e2"), "main");

        assertThat(changed.isNew()).isTrue();
        assertThat(changed.object().id()).isNotEqualTo(first);
    }

    @Test
    void shouldNeverCreateTwoRowsWhenInstancesDiscoverTheSameVersionAtOnce() throws Exception {
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> ledger.objects.discover(run, version("raced.dcm", "e1"), "main").isNew());
        }

        List<Boolean> created = runAll(racers);

        assertThat(created).containsOnlyOnce(true);
    }

    @Test
    void shouldReportAlreadyImportedInALaterRunWhileTheFirstRunKeepsImported() {
        SourceObject imported = importOne(run, "b.dcm");
        String second = newRun();

        Discovery seenAgain = ledger.objects.discover(second, version("b.dcm", "e1"), "main");
        ledger.objects.discover(second, version("b.dcm", "e1"), "main");

        assertThat(imported.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(imported.imageSetVersion()).isEqualTo(1);
        assertThat(seenAgain.needsWork()).isFalse();
        assertThat(seenAgain.reportedOutcome()).isEqualTo(Outcome.ALREADY_IMPORTED);
        assertThat(ledger.runs.outcomeCounts(run)).isEqualTo(Map.of(Outcome.IMPORTED, 1));
        assertThat(ledger.runs.outcomeCounts(second)).isEqualTo(Map.of(Outcome.ALREADY_IMPORTED, 1));
        assertThat(ledger.runs.files(second)).singleElement()
                .satisfies(f -> assertThat(f.object().imageSetId()).isEqualTo("a".repeat(32)));
        assertThat(ledger.objects.find(imported.id()).orElseThrow().outcome()).isEqualTo(Outcome.IMPORTED);
    }

    @Test
    void shouldReportTheStoredSkipToALaterRunWithoutNewWork() {
        long id = ledger.objects.discover(run, version("not.dcm", "e1"), "main").object().id();
        ledger.transitions.classify(id, Verdict.notCompliant("NO_DICM_PREFIX", "Missing 'DICM' prefix at offset 128"));
        assertThat(ledger.transitions.finish(id, Outcome.SKIPPED_NOT_P10, "Missing 'DICM' prefix at offset 128")).isTrue();

        String second = newRun();
        Discovery again = ledger.objects.discover(second, version("not.dcm", "e1"), "main");

        assertThat(again.reportedOutcome()).isEqualTo(Outcome.SKIPPED_NOT_P10);
        assertThat(ledger.runs.files(second)).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("DICM"));
        assertThat(ledger.transitions.finish(id, Outcome.FAILED, "again")).isFalse();
    }

    @Test
    void shouldLetExactlyOneOfTwoInstancesTakeTheSameWork() throws Exception {
        long id = ledger.objects.discover(run, version("c.dcm", "e1"), "main").object().id();
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            racers.add(() -> ledger.transitions.classify(id, Verdict.compliant("1", "2", "3", "4")));
        }

        assertThat(runAll(racers)).containsOnlyOnce(true);
        assertThat(ledger.transitions.staged(id, "k")).isFalse();
    }

    @Test
    void shouldAdoptTheUnfinishedWorkOfAnEarlierRun() {
        long id = ledger.objects.discover(run, version("d.dcm", "e1"), "main").object().id();
        String restarted = newRun();

        Discovery adopted = ledger.objects.discover(restarted, version("d.dcm", "e1"), "main");
        ledger.transitions.finish(id, Outcome.SKIPPED_BY_RULE, "key glob excluded");

        assertThat(adopted.needsWork()).isTrue();
        assertThat(adopted.object().runId()).isEqualTo(restarted);
        assertThat(ledger.runs.outcomeCounts(restarted)).isEqualTo(Map.of(Outcome.SKIPPED_BY_RULE, 1));
        assertThat(ledger.runs.pendingCount(run)).isZero();
    }

    @Test
    void shouldSendAServerErrorBackToBatchingCountingTheAttempt() {
        long id = ledger.objects.discover(run, version("e.dcm", "e1"), "main").object().id();
        ledger.transitions.classify(id, Verdict.compliant("1", "2", "3", "4"));
        ledger.transitions.assignBatch(id, "b1");

        assertThat(ledger.transitions.retry(id, "InternalServerException: try again")).isTrue();

        SourceObject row = ledger.objects.find(id).orElseThrow();
        assertThat(row.state()).isEqualTo(WorkState.CLASSIFIED);
        assertThat(row.batchId()).isNull();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(ledger.runs.pendingCount(run)).isEqualTo(1);
    }

    @Test
    void shouldRedriveOnlyFailedObjects() {
        long id = ledger.objects.discover(run, version("f.dcm", "e1"), "main").object().id();
        ledger.transitions.classify(id, Verdict.compliant("1", "2", "3", "4"));
        ledger.transitions.finish(id, Outcome.FAILED, "job failed");
        String redrive = newRun();

        assertThat(ledger.transitions.redrive(id, redrive)).isTrue();
        assertThat(ledger.transitions.redrive(id, redrive)).isFalse();
        assertThat(ledger.objects.find(id).orElseThrow().state()).isEqualTo(WorkState.CLASSIFIED);
    }

    @Test
    void shouldStreamARunsFilesPageByPageInDiscoveryOrder() {
        for (int i = 0; i < ImportRuns.PAGE + 1; i++) {
            long id = ledger.objects.discover(run, version("many/" + i + ".dcm", "e1"), "main").object().id();
            ledger.transitions.finish(id, Outcome.SKIPPED_BY_RULE, "size below min-size");
        }
        List<Long> ids = new ArrayList<>();

        ledger.runs.forEachFile(run, file -> ids.add(file.object().id()));

        assertThat(ids).hasSize(ImportRuns.PAGE + 1).isSorted().doesNotHaveDuplicates();
        assertThat(ledger.runs.outcomeCounts(run)).isEqualTo(Map.of(Outcome.SKIPPED_BY_RULE, ImportRuns.PAGE + 1));
    }

    @Test
    void shouldCountARunsProgressByStateOutcomeAndItsDatastoresBatches() {
        String datastore = "ds-" + UUID.randomUUID().toString().substring(0, 8);
        String progressRun = "run-" + UUID.randomUUID();
        ledger.runs.start(progressRun, storage, "", datastore);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(ledger.objects.discover(progressRun, version("p" + i + ".dcm", "e1"), datastore).object().id());
        }
        ledger.transitions.finish(ids.get(0), Outcome.FAILED, "too large");
        ledger.transitions.finish(ids.get(1), Outcome.SKIPPED_NOT_P10, "NO_P10_HEADER");
        ledger.transitions.classify(ids.get(2), Verdict.compliant("1", "2", "3", "4"));
        String batch = "batch-" + UUID.randomUUID();
        ledger.batches.open(batch, datastore);
        ledger.transitions.classify(ids.get(3), Verdict.compliant("1", "2", "3.1", "4"));
        ledger.transitions.assignBatch(ids.get(3), batch);

        RunProgress progress = ledger.runs.progress(progressRun).orElseThrow();

        assertThat(progress.outcomes()).isEqualTo(Map.of(Outcome.FAILED, 1, Outcome.SKIPPED_NOT_P10, 1));
        assertThat(progress.inWork()).isEqualTo(Map.of(WorkState.DISCOVERED, 1, WorkState.CLASSIFIED, 1,
                WorkState.BATCHED, 1));
        assertThat(progress.batches()).isEqualTo(Map.of(BatchState.OPEN, 1));
        assertThat(progress.done()).isEqualTo(2);
        assertThat(progress.seen()).isEqualTo(5);
        assertThat(progress.jobsInFlight()).isZero();
        assertThat(ledger.runs.progress("no-such-run")).isEmpty();
    }

    @Test
    void shouldPageWorkQueuesAndFailedObjects() {
        for (int i = 0; i < 5; i++) {
            long id = ledger.objects.discover(run, version("q" + i + ".dcm", "e1"), "main").object().id();
            if (i < 3) {
                ledger.transitions.finish(id, Outcome.FAILED, "reason " + i);
            }
        }

        assertThat(ledger.objects.failed(storage, 2)).hasSize(2).extracting(SourceObject::key)
                .containsExactly("q0.dcm", "q1.dcm");
        assertThat(ledger.objects.failed(storage, 10)).hasSize(3);
        assertThat(ledger.objects.failed(null, 1000)).extracting(SourceObject::storage).contains(storage);
        assertThat(ledger.objects.inState(WorkState.DISCOVERED, 1)).hasSize(1);
    }

    @Test
    void shouldKeepOneOpenBatchPerDatastoreAndNeverExceedItsLimits() throws Exception {
        String datastore = "ds-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(ledger.batches.open("b-1-" + datastore, datastore)).isTrue();
        assertThat(ledger.batches.open("b-2-" + datastore, datastore)).isFalse();
        List<Callable<Boolean>> adders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            adders.add(() -> ledger.batches.reserve("b-1-" + datastore, 10, 12, 1_000));
        }

        List<Boolean> results = runAll(adders);

        Batch batch = ledger.batches.findOpen(datastore).orElseThrow();
        assertThat(results.stream().filter(r -> r)).hasSize(12);
        assertThat(batch.fileCount()).isEqualTo(12);
        assertThat(batch.byteCount()).isEqualTo(120);
        assertThat(ledger.batches.reserve(batch.id(), 1, 100, 120)).isFalse();
        assertThat(ledger.batches.seal(batch.id())).isTrue();
        assertThat(ledger.batches.open("b-2-" + datastore, datastore)).isTrue();
    }

    @Test
    void shouldSealABatchOnlyWhenItIsFullAndOpen() {
        String datastore = "ds-" + UUID.randomUUID().toString().substring(0, 8);
        String batch = "b-" + datastore;
        ledger.batches.open(batch, datastore);
        ledger.batches.reserve(batch, 40, 3, 100);
        ledger.batches.reserve(batch, 40, 3, 100);

        assertThat(ledger.batches.sealIfFull(batch, 3, 100)).isFalse();
        assertThat(ledger.batches.sealIfFull(batch, 2, 100)).isTrue();
        assertThat(ledger.batches.sealIfFull(batch, 2, 100)).isFalse();
        assertThat(ledger.batches.find(batch).orElseThrow().state()).isEqualTo(BatchState.SEALED);
        assertThat(ledger.batches.findOpen(datastore)).isEmpty();

        String byBytes = "bytes-" + datastore;
        ledger.batches.open(byBytes, datastore);
        ledger.batches.reserve(byBytes, 100, 3, 100);
        assertThat(ledger.batches.sealIfFull(byBytes, 3, 100)).isTrue();
    }

    @Test
    void shouldSealOnlyNonEmptyBatchesOlderThanTheLimit() {
        String datastore = "ds-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.batches.open("old-" + datastore, datastore);
        ledger.batches.reserve("old-" + datastore, 5, 10, 100);
        ledger.clock.advance(Duration.ofMinutes(10));
        ledger.batches.open("empty-" + datastore, datastore + "-other");

        int sealed = ledger.batches.sealOpenedBefore(ledger.clock.instant().minus(Duration.ofMinutes(5)));

        assertThat(sealed).isEqualTo(1);
        assertThat(ledger.batches.find("old-" + datastore).orElseThrow().state()).isEqualTo(BatchState.SEALED);
        assertThat(ledger.batches.find("empty-" + datastore).orElseThrow().state()).isEqualTo(BatchState.OPEN);
    }

    @Test
    void shouldWalkABatchThroughItsStatesOnlyInOrder() {
        String datastore = "ds-" + UUID.randomUUID().toString().substring(0, 8);
        String batch = "b-" + datastore;
        ledger.batches.open(batch, datastore);

        assertThat(ledger.batches.submitted(batch, "job")).isFalse();
        assertThat(ledger.batches.seal(batch)).isTrue();
        assertThat(ledger.batches.staged(batch, "staging/" + batch + "/")).isTrue();
        assertThat(ledger.batches.submitted(batch, "job")).isTrue();
        assertThat(ledger.batches.countSubmitted(datastore)).isEqualTo(1);
        assertThat(ledger.batches.finished(batch, BatchState.COMPLETED, null)).isTrue();
        assertThat(ledger.batches.finished(batch, BatchState.FAILED, "late")).isFalse();

        Batch done = ledger.batches.find(batch).orElseThrow();
        assertThat(done.jobId()).isEqualTo("job");
        assertThat(done.clientToken()).isEqualTo(batch);
        assertThat(done.completedAt()).isEqualTo(ledger.clock.instant());
    }

    @Test
    void shouldPersistListingPositionsAndTheSeenSet() {
        assertThat(ledger.positions.get(storage, "in/")).isEqualTo(ListingPosition.start(storage, "in/"));
        ledger.positions.save(new ListingPosition(storage, "in/", "token-1", "in/a.dcm", 1));
        ledger.positions.save(new ListingPosition(storage, "in/", null, null, 2));
        ledger.seen.record(storage, "in/ü b.dcm", "v1", 10, 1);
        Instant first = ledger.clock.instant();
        ledger.clock.advance(Duration.ofSeconds(30));
        ledger.seen.record(storage, "in/ü b.dcm", "v1", 10, 2);

        assertThat(ledger.positions.get(storage, "in/").passNumber()).isEqualTo(2);
        assertThat(ledger.positions.get(storage, "in/").continuationToken()).isNull();
        assertThat(ledger.seen.find(storage, "in/ü b.dcm")).get()
                .satisfies(s -> assertThat(s.firstSeenAt()).isEqualTo(first))
                .satisfies(s -> assertThat(s.passNumber()).isEqualTo(2));
        ledger.seen.record(storage, "in/ü b.dcm", "v2", 11, 3);
        assertThat(ledger.seen.find(storage, "in/ü b.dcm").orElseThrow().firstSeenAt()).isAfter(first);
        ledger.seen.forget(storage, "in/ü b.dcm");
        assertThat(ledger.seen.find(storage, "in/ü b.dcm")).isEmpty();
    }

    @Test
    void shouldDiscoverAPageInBulkLikeOneByOne() {
        long imported = importOne(run, "done.dcm").id();
        long adopted = ledger.objects.discover(run, version("adopted.dcm", "e1"), "main").object().id();
        String later = newRun();
        List<ObjectVersion> page = List.of(version("done.dcm", "e1"), version("adopted.dcm", "e1"),
                version("new ü.dcm", "e1"), version("new 2.dcm", "e1"));

        List<Discovery> reported = ledger.objects.discoverAll(later, page, "main", true);

        assertThat(reported).extracting(d -> d.object().key()).containsExactly("done.dcm", "adopted.dcm", "new ü.dcm",
                "new 2.dcm");
        assertThat(reported.get(0).object().id()).isEqualTo(imported);
        assertThat(reported.get(0).reportedOutcome()).isEqualTo(Outcome.ALREADY_IMPORTED);
        assertThat(reported.get(1).object().id()).isEqualTo(adopted);
        assertThat(reported.get(1).object().runId()).isEqualTo(later);
        assertThat(reported).extracting(Discovery::isNew).containsExactly(false, false, true, true);
        assertThat(reported.get(2).object().state()).isEqualTo(WorkState.DISCOVERED);
        assertThat(ledger.runs.outcomeCounts(later)).containsEntry(Outcome.ALREADY_IMPORTED, 1);

        List<Discovery> silent = ledger.objects.discoverAll(newRun(), page, "main", false);
        assertThat(silent.get(0).reportedOutcome()).isNull();
        assertThat(silent).extracting(Discovery::isNew).containsOnly(false);
        assertThat(silent).extracting(d -> d.object().id())
                .containsExactlyElementsOf(reported.stream().map(d -> d.object().id()).toList());
    }

    @Test
    void shouldNeverCreateTwoRowsWhenInstancesDiscoverTheSamePageAtOnce() throws Exception {
        List<ObjectVersion> page = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            page.add(version("page/" + i + ".dcm", "e1"));
        }
        List<Callable<Long>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(() -> ledger.objects.discoverAll(run, page, "main", false).stream()
                    .filter(Discovery::isNew).count());
        }

        List<Long> created = runAll(racers);

        assertThat(created.stream().mapToLong(Long::longValue).sum()).isEqualTo(50);
    }

    @Test
    void shouldClassifyManyObjectsAtOnceOnlyFromDiscovered() {
        Map<Long, Verdict> verdicts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            long id = ledger.objects.discover(run, version("v" + i + ".dcm", "e1"), "main").object().id();
            verdicts.put(id, Verdict.compliant("1.2." + i, "1.2", "1.2.1." + i, "1.2.840.10008.1.2.1"));
        }
        List<Long> ids = List.copyOf(verdicts.keySet());
        // One already ended elsewhere, one classified by another worker with its own verdict.
        ledger.transitions.finish(ids.get(0), Outcome.SKIPPED_BY_RULE, "rule");
        ledger.transitions.classify(ids.get(1), Verdict.compliant("other", "1.2", "1.2.1", "1.2.840.10008.1.2.1"));
        verdicts.put(ids.get(1), Verdict.compliant("mine", "1.2", "1.2.1", "1.2.840.10008.1.2.1"));
        long notP10 = ledger.objects.discover(run, version("v-not.dcm", "e1"), "main").object().id();
        verdicts.put(notP10, Verdict.notCompliant("NO_PREAMBLE", "no DICM"));

        java.util.Set<Long> changed = ledger.transitions.classifyAll(verdicts);

        assertThat(changed).containsExactlyInAnyOrder(ids.get(2), notP10);
        SourceObject third = ledger.objects.find(ids.get(2)).orElseThrow();
        assertThat(third.state()).isEqualTo(WorkState.CLASSIFIED);
        assertThat(third.verdict()).isEqualTo(verdicts.get(ids.get(2)));
        assertThat(ledger.objects.find(notP10).orElseThrow().verdict()).isEqualTo(verdicts.get(notP10));
        assertThat(ledger.objects.find(ids.get(1)).orElseThrow().verdict().sopInstanceUid()).isEqualTo("other");
        assertThat(ledger.objects.find(ids.get(0)).orElseThrow().state()).isEqualTo(WorkState.DONE);
    }

    @Test
    void shouldBatchManyObjectsInOneStatementOnlyFromClassified() {
        String batch = "batch-" + UUID.randomUUID();
        ledger.batches.open(batch, "ds-" + batch);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = ledger.objects.discover(run, version("a" + i + ".dcm", "e1"), "main").object().id();
            ledger.transitions.classify(id, Verdict.compliant("1.2." + i, "1.2", "1.2.1", "1.2.840.10008.1.2.1"));
            ids.add(id);
        }
        ledger.transitions.finish(ids.get(0), Outcome.FAILED, "elsewhere");

        assertThat(ledger.transitions.assignBatchAll(ids, batch)).isEqualTo(2);
        assertThat(ledger.transitions.inBatch(batch, ids)).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(ledger.batches.reserve(batch, 2, 20, 2, 20)).isTrue();
        assertThat(ledger.batches.reserve(batch, 1, 1, 2, 20)).isFalse();
        ledger.batches.unreserve(batch, 1, 10);
        assertThat(ledger.batches.find(batch).orElseThrow().fileCount()).isEqualTo(1);
        assertThat(ledger.batches.find(batch).orElseThrow().byteCount()).isEqualTo(10);
    }

    @Test
    void shouldStageManyObjectsInOneStatementOnlyFromBatched() {
        String batch = "batch-" + UUID.randomUUID();
        ledger.batches.open(batch, "ds-" + batch);
        java.util.Map<Long, String> keys = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            long id = ledger.objects.discover(run, version("s" + i + ".dcm", "e1"), "main").object().id();
            ledger.transitions.classify(id, Verdict.compliant("1.2." + i, "1.2", "1.2.1", "1.2.840.10008.1.2.1"));
            if (i < 2) {
                ledger.transitions.assignBatch(id, batch);
            }
            keys.put(id, "staging/" + batch + "/" + i);
        }

        assertThat(ledger.transitions.stagedAll(keys)).isEqualTo(2);
        assertThat(ledger.transitions.stagedAll(keys)).isZero();
        assertThat(ledger.objects.inBatch(batch)).extracting(SourceObject::stagingKey)
                .containsExactly("staging/" + batch + "/0", "staging/" + batch + "/1");
    }

    @Test
    void shouldFindRecordAndForgetManySeenObjectsAtOnce() {
        ledger.seen.recordNew(storage, List.of(new SeenObject(storage, "a.dcm", "v1", 1, 1, Instant.EPOCH),
                new SeenObject(storage, "b ü.dcm", "v2", 2, 1, Instant.EPOCH)));
        ledger.seen.recordNew(storage, List.of(new SeenObject(storage, "a.dcm", "v3", 3, 2, Instant.EPOCH)));

        assertThat(ledger.seen.findAll(storage, List.of("a.dcm", "b ü.dcm", "c.dcm"))).containsOnlyKeys("a.dcm",
                "b ü.dcm").hasEntrySatisfying("a.dcm", s -> assertThat(s.version()).isEqualTo("v3"));
        ledger.seen.forgetAll(storage, List.of("a.dcm", "b ü.dcm"));
        assertThat(ledger.seen.findAll(storage, List.of("a.dcm", "b ü.dcm"))).isEmpty();
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
