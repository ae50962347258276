package org.ahibridge.importing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.metrics.PipelineMeters;
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.BlobTransfer;
import org.ahibridge.storage.CopyOutcome;
import org.ahibridge.storage.StorageLocation;

/**
 * Copies a sealed batch into its own staging prefix (docs/design.md §1 step 5), server-side whenever source
 * and staging allow it, and marks the batch STAGED. Safe to run again after a crash: only files still
 * BATCHED are copied, and a copy overwrites the same staging key. A file whose source changed since it
 * was classified (another version) or vanished is FAILED with the reason; its new version, if any, is
 * discovered as an object of its own.
 *
 * <p>Each copy names the version the ledger holds ({@link BlobTransfer#copyIfUnchanged}: on S3 one CopyObject
 * with {@code x-amz-copy-source-if-match}, no HEAD). Up to {@code concurrency} copies are in flight at once
 * ({@link ParallelCalls}), because against a real endpoint each costs a round trip of tens of milliseconds;
 * their ledger changes are written {@value #RECORD_EVERY} at a time in one statement.
 */
public final class BatchStager {

    static final int LEASE_CHECK_EVERY = 100;
    static final int RECORD_EVERY = 100;
    /** Copies in flight per staging pass unless configured otherwise. */
    public static final int DEFAULT_CONCURRENCY = 64;

    private final SourceObjects objects;
    private final ObjectTransitions transitions;
    private final Batches batches;
    private final AuditedOutcomes outcomes;
    private final int concurrency;

    public BatchStager(SourceObjects objects, ObjectTransitions transitions, Batches batches, AuditedOutcomes outcomes) {
        this(objects, transitions, batches, outcomes, DEFAULT_CONCURRENCY);
    }

    /** @param concurrency copies in flight at once per {@link #stage} call (the S3 pool must allow as many) */
    public BatchStager(SourceObjects objects, ObjectTransitions transitions, Batches batches, AuditedOutcomes outcomes,
            int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("staging concurrency must be at least 1, not " + concurrency);
        }
        this.objects = objects;
        this.transitions = transitions;
        this.batches = batches;
        this.outcomes = outcomes;
        this.concurrency = concurrency;
    }

    /** How a staging pass went: files copied (of them server-side) and files failed. */
    public record Result(int staged, int serverSide, int failed) {
    }

    /**
     * @param staging         the datastore's staging store
     * @param stagingLocation its location (its path is the key prefix AHI reports in {@code inputFile})
     * @param sources         the store of each source storage name
     */
    public Result stage(Batch batch, BlobStore staging, StorageLocation stagingLocation,
            Function<String, BlobStore> sources) {
        return stage(batch, staging, stagingLocation, sources, () -> true);
    }

    /**
     * Stages like {@link #stage(Batch, BlobStore, StorageLocation, Function)}, asking {@code leaseHeld}
     * before every {@value #LEASE_CHECK_EVERY}th copy whether this instance may go on (it renews the batch's
     * lease, so a long batch keeps it). When the lease was lost, another instance has taken the batch
     * over: this pass lets the copies in flight finish, records them, and leaves the batch SEALED to it.
     * A storage fault stops the pass the same way and is then thrown.
     */
    public Result stage(Batch batch, BlobStore staging, StorageLocation stagingLocation,
            Function<String, BlobStore> sources, BooleanSupplier leaseHeld) {
        if (batch.state() != BatchState.SEALED) {
            throw new IllegalArgumentException("batch " + batch.id() + " is " + batch.state() + ", not SEALED");
        }
        Tally tally = new Tally();
        boolean complete = true;
        try (ParallelCalls<Staging, CopyOutcome> copies = new ParallelCalls<>("staging", concurrency)) {
            Map<String, BlobStore> stores = new HashMap<>();
            int started = 0;
            for (SourceObject file : objects.inBatch(batch.id())) {
                if (file.state() == WorkState.STAGED) {
                    tally.staged++;
                    continue;
                }
                if (file.state() != WorkState.BATCHED) {
                    continue;
                }
                if (++started % LEASE_CHECK_EVERY == 0 && !leaseHeld.getAsBoolean()) {
                    complete = false;
                    break;
                }
                BlobStore source = stores.computeIfAbsent(file.storage(), sources);
                String key = StagingKeys.stagingKey(stagingLocation.path(), batch.id(), file.id(), file.key());
                BlobInfo expected = new BlobInfo(file.key(), file.size(), file.version(), file.lastModified());
                if (!copies.submit(new Staging(file, stagingLocation.path() + key),
                        () -> BlobTransfer.copyIfUnchanged(source, expected, staging, key))) {
                    complete = false;
                    break;
                }
                if (copies.finished() >= RECORD_EVERY) {
                    record(copies.take(), tally);
                }
            }
            copies.awaitAll();
            record(copies.take(), tally);
            copies.rethrowFirstFailure();
        }
        if (complete) {
            if (tally.staged == 0) {
                batches.abandon(batch.id(), "no file of the batch could be staged");
            } else {
                batches.staged(batch.id(), StagingKeys.batchPrefix(stagingLocation.path(), batch.id()));
            }
        }
        return new Result(tally.staged, tally.serverSide, tally.failed);
    }

    /** A file being copied, and the staging key the ledger records for it (with the staging root). */
    private record Staging(SourceObject file, String stagingKey) {
    }

    private static final class Tally {
        int staged;
        int serverSide;
        int failed;
    }

    /** Writes finished copies to the ledger: the copied ones in one statement, failures one by one. */
    private void record(List<ParallelCalls.Done<Staging, CopyOutcome>> done, Tally tally) {
        Map<Long, String> stagedKeys = new LinkedHashMap<>();
        for (ParallelCalls.Done<Staging, CopyOutcome> copy : done) {
            if (copy.result().copied()) {
                SourceObject file = copy.item().file();
                stagedKeys.put(file.id(), copy.item().stagingKey());
                PipelineMeters.process().staged(file.storage(), file.datastore(), file.size());
                tally.serverSide += copy.result() == CopyOutcome.COPIED_SERVER_SIDE ? 1 : 0;
            } else {
                fail(copy.item().file(), copy.result());
                tally.failed++;
            }
        }
        tally.staged += transitions.stagedAll(stagedKeys);
    }

    private void fail(SourceObject file, CopyOutcome outcome) {
        String reason = outcome == CopyOutcome.SOURCE_MISSING ? "the source object was deleted before staging"
                : "the source object changed before staging (version " + file.version()
                        + " is no longer there); the new version is imported as a new object";
        outcomes.finish(file.id(), Outcome.FAILED, reason);
    }
}
