package org.ahibridge.importing;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.ledger.WorkState;

/**
 * Ends a batch whose job cannot run (AHI rejected its start, or throttled it beyond the retry budget): every
 * file of it not yet ended is FAILED with the reason, each with its one audit line and outcome message
 * ({@link AuditedOutcomes}), then the batch is FAILED and its staging copies deleted. The files end first, so
 * a crash in between repeats the step and only finds the batch left to close.
 */
public final class BatchFailure {

    private final SourceObjects objects;
    private final AuditedOutcomes outcomes;
    private final Batches batches;
    private final JobCleanup cleanup;

    public BatchFailure(SourceObjects objects, AuditedOutcomes outcomes, Batches batches, JobCleanup cleanup) {
        this.objects = objects;
        this.outcomes = outcomes;
        this.batches = batches;
        this.cleanup = cleanup;
    }

    public void fail(Batch batch, String reason) {
        for (SourceObject file : objects.inBatch(batch.id())) {
            if (file.state() != WorkState.DONE) {
                outcomes.finish(file.id(), Outcome.FAILED, reason);
            }
        }
        batches.fail(batch.id(), reason);
        cleanup.clean(batch);
    }
}
