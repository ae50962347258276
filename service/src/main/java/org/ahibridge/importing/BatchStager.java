package org.ahibridge.importing;

import java.util.Optional;
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
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.BlobTransfer;
import org.ahibridge.storage.StorageLocation;

/**
 * Copies a sealed batch into its own staging prefix (docs/design.md §1 step 5), server-side whenever source
 * and staging allow it, and marks the batch STAGED. Safe to run again after a crash: only files still
 * BATCHED are copied, and a copy overwrites the same staging key. A file whose source changed since it
 * was classified (another version) or vanished is FAILED with the reason; its new version, if any, is
 * discovered as an object of its own.
 */
public final class BatchStager {

    static final int LEASE_CHECK_EVERY = 100;

    private final SourceObjects objects;
    private final ObjectTransitions transitions;
    private final Batches batches;
    private final AuditedOutcomes outcomes;

    public BatchStager(SourceObjects objects, ObjectTransitions transitions, Batches batches, AuditedOutcomes outcomes) {
        this.objects = objects;
        this.transitions = transitions;
        this.batches = batches;
        this.outcomes = outcomes;
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
     * every {@value #LEASE_CHECK_EVERY} copies whether this instance may go on (it renews the batch's
     * lease, so a long batch keeps it). When the lease was lost, another instance has taken the batch
     * over: this pass stops and leaves the batch SEALED to it.
     */
    public Result stage(Batch batch, BlobStore staging, StorageLocation stagingLocation,
            Function<String, BlobStore> sources, BooleanSupplier leaseHeld) {
        if (batch.state() != BatchState.SEALED) {
            throw new IllegalArgumentException("batch " + batch.id() + " is " + batch.state() + ", not SEALED");
        }
        int staged = 0;
        int serverSide = 0;
        int failed = 0;
        int copies = 0;
        for (SourceObject file : objects.inBatch(batch.id())) {
            if (file.state() == WorkState.BATCHED && ++copies % LEASE_CHECK_EVERY == 0 && !leaseHeld.getAsBoolean()) {
                return new Result(staged, serverSide, failed);
            }
            if (file.state() == WorkState.STAGED) {
                staged++;
            } else if (file.state() == WorkState.BATCHED) {
                BlobStore source = sources.apply(file.storage());
                Optional<BlobInfo> current = source.stat(file.key());
                if (current.isEmpty() || !current.get().version().equals(file.version())) {
                    fail(file, current.isEmpty() ? "the source object was deleted before staging"
                            : "the source object changed before staging (version " + file.version() + ", now "
                                    + current.get().version() + "); the new version is imported as a new object");
                    failed++;
                    continue;
                }
                String key = StagingKeys.stagingKey(stagingLocation.path(), batch.id(), file.id(), file.key());
                serverSide += BlobTransfer.copy(source, file.key(), staging, key) ? 1 : 0;
                staged += transitions.staged(file.id(), stagingLocation.path() + key) ? 1 : 0;
            }
        }
        if (staged == 0) {
            batches.abandon(batch.id(), "no file of the batch could be staged");
        } else {
            batches.staged(batch.id(), StagingKeys.batchPrefix(stagingLocation.path(), batch.id()));
        }
        return new Result(staged, serverSide, failed);
    }

    private void fail(SourceObject file, String reason) {
        outcomes.finish(file.id(), Outcome.FAILED, reason);
    }
}
