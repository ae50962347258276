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
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two instances (two assemblers with their own batch ids, on threads of their own) add the same files to
 * the open batch at once, on H2 in PostgreSQL mode and on PostgreSQL: every file lands in exactly one
 * batch, no batch goes over its limit, and the one-open-batch-per-datastore rule holds.
 */
class BatchAssemblerInstancesTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void shouldPlaceEveryFileOnceWhenTwoInstancesAddTheSameFilesAtOnce(String database) throws Exception {
        Ledger ledger = new Ledger(database.equals("h2") ? LedgerDatabase.h2(true) : LedgerDatabase.postgres());
        try {
            ledger.runs.start("run-1", "landing", "", "main");
            BatchPolicy policy = new BatchPolicy(7, 1_000_000, 1_000_000, Duration.ofMinutes(5), 0);
            List<BatchAssembler> instances = new ArrayList<>();
            for (String owner : List.of("a", "b")) {
                AtomicInteger ids = new AtomicInteger();
                instances.add(new BatchAssembler(ledger.batches, ledger.transitions, ledger.transactions, policy,
                        () -> owner + "-batch-" + ids.incrementAndGet(), ledger.clock));
            }
            List<SourceObject> files = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                long id = ledger.objects.discover("run-1", new ObjectVersion("landing", "f" + i, "e", 10, Instant.EPOCH),
                        "main").object().id();
                ledger.transitions.classify(id, Verdict.compliant("1.2." + id, "1.2", "1.2.1", "1.2.840.10008.1.2.1"));
                files.add(ledger.objects.find(id).orElseThrow());
            }

            List<Placement> placements = addConcurrently(instances, files);

            assertThat(placements.stream().filter(p -> p.kind() == Placement.Kind.ADDED)).hasSize(80);
            List<Batch> batches = new ArrayList<>();
            for (BatchState state : BatchState.values()) {
                batches.addAll(ledger.batches.inState(state));
            }
            assertThat(batches).allSatisfy(b -> assertThat(b.fileCount()).isBetween(1, 7));
            assertThat(batches).allSatisfy(b -> assertThat(ledger.objects.inBatch(b.id())).hasSize(b.fileCount()));
            assertThat(batches.stream().mapToInt(Batch::fileCount).sum()).isEqualTo(80);
            assertThat(batches.stream().filter(b -> b.state() == BatchState.OPEN)).hasSizeLessThanOrEqualTo(1);
        } finally {
            ledger.database.close();
        }
    }

    /** Each instance adds every file, two threads per instance, all at once. */
    private static List<Placement> addConcurrently(List<BatchAssembler> instances, List<SourceObject> files)
            throws Exception {
        List<Callable<Placement>> tasks = new ArrayList<>();
        for (SourceObject file : files) {
            for (BatchAssembler instance : instances) {
                tasks.add(() -> instance.add(file));
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Placement> placements = new ArrayList<>();
            for (Future<Placement> future : threads.invokeAll(tasks)) {
                placements.add(future.get());
            }
            return placements;
        } finally {
            threads.shutdownNow();
        }
    }
}
