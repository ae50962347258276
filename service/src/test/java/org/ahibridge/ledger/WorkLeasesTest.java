package org.ahibridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances ("a" and "b": two {@link WorkLeases} with different owners over one database) never
 * both win a claim, and a lease a crashed instance left behind is taken over once it expired; on every
 * database the migrations support (PostgreSQL: {@link WorkLeasesOnPostgresTest}).
 */
class WorkLeasesTest {

    static final Duration TTL = Duration.ofSeconds(30);

    @Nested
    class OnH2InPostgresMode extends Contract {
        @Override
        LedgerDatabase createDatabase() {
            return LedgerDatabase.h2(true);
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        LedgerDatabase createDatabase() {
            return LedgerDatabase.h2(false);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {

        Ledger ledger;
        WorkLeases a;
        WorkLeases b;

        abstract LedgerDatabase createDatabase();

        @BeforeAll
        void createLedger() {
            ledger = new Ledger(createDatabase());
            a = new WorkLeases(ledger.database.jdbc(), ledger.clock, "instance-a", TTL);
            b = new WorkLeases(ledger.database.jdbc(), ledger.clock, "instance-b", TTL);
        }

        @AfterAll
        void dropLedger() {
            if (ledger != null) { // null when the database could not be created: nothing to drop
                ledger.database.close();
            }
        }

        String sealedBatch() {
            String id = "batch-" + UUID.randomUUID();
            assertThat(ledger.batches.open(id, "ds-" + id)).isTrue();
            assertThat(ledger.batches.reserve(id, 10, 10, 1000)).isTrue();
            assertThat(ledger.batches.seal(id)).isTrue();
            return id;
        }

        long discoveredObject() {
            String run = "run-" + UUID.randomUUID();
            ledger.runs.start(run, "store", "", "main");
            return ledger.objects.discover(run, new ObjectVersion("store", "k-" + UUID.randomUUID(), "e1", 10,
                    Instant.parse("2026-01-01T00:00:00Z")), "main").object().id();
        }

        @Test
        void shouldGiveEachBatchToExactlyOneOfTwoInstancesClaimingAtOnce() throws Exception {
            List<String> batches = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                batches.add(sealedBatch());
            }

            List<Set<String>> won = race(batches, (leases, id) -> leases.claimBatch(id, BatchState.SEALED));

            // One instance may win every claim under a scheduler's whim; what matters is that none is won twice.
            Set<String> wonTwice = new HashSet<>(won.get(0));
            wonTwice.retainAll(won.get(1));
            assertThat(wonTwice).as("claims won by both instances").isEmpty();
            Set<String> all = new HashSet<>(won.get(0));
            all.addAll(won.get(1));
            assertThat(all).containsExactlyInAnyOrderElementsOf(batches);
            for (String id : batches) {
                assertThat(leaseCount(id)).as(id).isEqualTo(1);
            }
        }

        @Test
        void shouldGiveEachDiscoveredObjectToExactlyOneOfTwoInstancesClaimingAtOnce() throws Exception {
            List<Long> objects = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                objects.add(discoveredObject());
            }

            List<Set<Long>> won = race(objects, WorkLeases::claimObject);

            // One instance may win every claim under a scheduler's whim; what matters is that none is won twice.
            Set<Long> wonTwice = new HashSet<>(won.get(0));
            wonTwice.retainAll(won.get(1));
            assertThat(wonTwice).as("claims won by both instances").isEmpty();
            Set<Long> all = new HashSet<>(won.get(0));
            all.addAll(won.get(1));
            assertThat(all).containsExactlyInAnyOrderElementsOf(objects);
        }

        @Test
        void shouldTellWhileAnObjectOfADatastoreIsBeingClassifiedByAnyInstance() {
            String datastore = "ds-" + UUID.randomUUID().toString().substring(0, 8);
            String run = "run-" + UUID.randomUUID();
            ledger.runs.start(run, "store", "", datastore);
            long id = ledger.objects.discover(run, new ObjectVersion("store", "k-" + UUID.randomUUID(), "e1", 10,
                    Instant.parse("2026-01-01T00:00:00Z")), datastore).object().id();
            assertThat(a.classifying(datastore)).isFalse();

            assertThat(b.claimObjects(List.of(id))).containsExactly(id);
            assertThat(a.classifying(datastore)).as("b's page holds the object").isTrue();
            assertThat(a.classifying("main-" + datastore)).as("another datastore").isFalse();

            b.releaseObjects(List.of(id));
            assertThat(a.classifying(datastore)).isFalse();
        }

        @Test
        void shouldClaimAPageOfObjectsAtOnceLeavingThoseAnotherInstanceHolds() throws Exception {
            List<Long> page = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                page.add(discoveredObject());
            }
            assertThat(b.claimObject(page.get(3))).isTrue();
            assertThat(ledger.transitions.classify(page.get(5), Verdict.notCompliant("X", "done"))).isTrue();

            Set<Long> held = a.claimObjects(page);

            assertThat(held).hasSize(38).doesNotContain(page.get(3), page.get(5));
            assertThat(b.claimObject(page.get(0))).isFalse();
            assertThat(a.claimObjects(page)).as("renewed by the holder").hasSize(38);
            a.releaseObjects(page);
            assertThat(b.claimObject(page.get(0))).isTrue();
            assertThat(ledger.database.jdbc().sql("select lease_owner from source_object where object_id = ?")
                    .param(page.get(3)).query(String.class).single()).isEqualTo("instance-b");

            List<Long> raced = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                raced.add(discoveredObject());
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Set<Long>> byA = pool.submit(() -> a.claimObjects(raced));
                Future<Set<Long>> byB = pool.submit(() -> b.claimObjects(raced));
                Set<Long> both = new HashSet<>(byA.get());
                both.retainAll(byB.get());
                assertThat(both).as("claimed by both instances").isEmpty();
                assertThat(byA.get().size() + byB.get().size()).isEqualTo(100);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void shouldLetAnotherInstanceTakeOverABatchOnlyOnceTheHoldersLeaseExpired() {
            String id = sealedBatch();
            assertThat(a.claimBatch(id, BatchState.SEALED)).isTrue();

            ledger.clock.advance(TTL.minusSeconds(1));
            boolean takenWhileHeld = b.claimBatch(id, BatchState.SEALED);
            ledger.clock.advance(Duration.ofSeconds(1));
            boolean takenOnceExpired = b.claimBatch(id, BatchState.SEALED);

            assertThat(takenWhileHeld).isFalse();
            assertThat(takenOnceExpired).isTrue();
            assertThat(a.claimBatch(id, BatchState.SEALED)).as("the crashed holder is back: too late").isFalse();
            assertThat(owner("import_batch", "batch_id", id)).isEqualTo("instance-b");
            assertThat(leaseCount(id)).isEqualTo(2);
        }

        @Test
        void shouldLetAnotherInstanceTakeOverAnObjectOnceTheHoldersLeaseExpired() {
            long id = discoveredObject();
            assertThat(a.claimObject(id)).isTrue();
            assertThat(b.claimObject(id)).isFalse();

            ledger.clock.advance(TTL);

            assertThat(b.claimObject(id)).isTrue();
            assertThat(a.claimObject(id)).isFalse();
        }

        @Test
        void shouldLetTheHolderRenewItsLeaseSoItDoesNotExpireMidStep() {
            String id = sealedBatch();
            assertThat(a.claimBatch(id, BatchState.SEALED)).isTrue();
            ledger.clock.advance(TTL.minusSeconds(5));
            assertThat(a.claimBatch(id, BatchState.SEALED)).as("renewed").isTrue();

            ledger.clock.advance(Duration.ofSeconds(10));

            assertThat(b.claimBatch(id, BatchState.SEALED)).isFalse();
        }

        @Test
        void shouldFreeABatchAtOnceOnReleaseAndRememberWhoWorkedOnIt() {
            String id = sealedBatch();
            assertThat(a.claimBatch(id, BatchState.SEALED)).isTrue();

            b.releaseBatch(id); // not b's lease: changes nothing
            boolean takenBeforeRelease = b.claimBatch(id, BatchState.SEALED);
            a.releaseBatch(id);
            String lastWorker = owner("import_batch", "batch_id", id);
            boolean takenAfterRelease = b.claimBatch(id, BatchState.SEALED);

            assertThat(takenBeforeRelease).isFalse();
            assertThat(lastWorker).isEqualTo("instance-a");
            assertThat(takenAfterRelease).isTrue();
        }

        @Test
        void shouldNotClaimABatchThatMovedOnToAnotherState() {
            String id = sealedBatch();
            assertThat(ledger.batches.staged(id, "staging/" + id + "/")).isTrue();

            assertThat(a.claimBatch(id, BatchState.SEALED)).isFalse();
            assertThat(a.claimBatch(id, BatchState.STAGED)).isTrue();
        }

        @Test
        void shouldNotClaimAnObjectThatIsNoLongerDiscovered() {
            long id = discoveredObject();
            assertThat(ledger.transitions.classify(id, Verdict.notCompliant("NO_DICM_PREFIX", "no prefix"))).isTrue();

            assertThat(a.claimObject(id)).isFalse();
        }

        @Test
        void shouldRejectAnOwnerThatDoesNotFitTheLeaseColumn() {
            assertThatThrownBy(() -> new WorkLeases(ledger.database.jdbc(), ledger.clock, "x".repeat(129), TTL))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128");
            assertThatThrownBy(() -> new WorkLeases(ledger.database.jdbc(), ledger.clock, "a", Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        interface Claim<T> {
            boolean claim(WorkLeases leases, T id);
        }

        /** Instances a and b, each on its own thread, try to claim every id, starting together. */
        <T> List<Set<T>> race(List<T> ids, Claim<T> claim) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Set<T>>> results = new ArrayList<>();
                for (WorkLeases instance : List.of(a, b)) {
                    results.add(threads.submit(() -> {
                        start.await();
                        Set<T> won = new HashSet<>();
                        for (T id : ids) {
                            if (claim.claim(instance, id)) {
                                won.add(id);
                            }
                        }
                        return won;
                    }));
                }
                start.countDown();
                return List.of(results.get(0).get(), results.get(1).get());
            } finally {
                threads.shutdownNow();
            }
        }

        String owner(String table, String key, String id) {
            return ledger.database.jdbc().sql("select lease_owner from " + table + " where " + key + " = ?").param(id)
                    .query(String.class).single();
        }

        int leaseCount(String batchId) {
            return ledger.database.jdbc().sql("select lease_count from import_batch where batch_id = ?").param(batchId)
                    .query(Integer.class).single();
        }
    }
}
