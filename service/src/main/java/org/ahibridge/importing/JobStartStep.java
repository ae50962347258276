package org.ahibridge.importing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ahibridge.ahi.AhiRejectedException;
import org.ahibridge.ahi.AhiThrottledException;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Batches;
import org.ahibridge.storage.DatastoreRegistration;

/**
 * The job-start step of one batch (routes/import-batch.camel.yaml, {@code importBatch.start}): a STAGED batch's
 * import job is started ({@link ImportJobStarter}: clientToken = batch id, the datastore's cap on running jobs)
 * and the batch becomes SUBMITTED. Starts of one datastore go one at a time: they are paced at AHI's 1 per
 * second anyway (the template's token bucket), and one at a time the cap on running jobs cannot be overrun by
 * two threads counting together. They go in the order the batches were opened ({@link #oldestWaiting}): a
 * batch that staged before an older one waits for it. Throttling leaves the batch STAGED for a later step, at
 * most {@code maxAttempts} times; then, and when AHI rejects the start, the batch's files end FAILED ({@link BatchFailure}).
 */
public final class JobStartStep {

    private final BatchClaims claims;
    private final ImportJobStarter starter;
    private final BatchFailure failure;
    private final Batches batches;
    private final int maxAttempts;
    private final Map<String, Integer> throttled = new ConcurrentHashMap<>();
    private final Map<String, Object> paces = new ConcurrentHashMap<>();

    /** @param maxAttempts throttled starts of one batch before its files end FAILED */
    public JobStartStep(BatchClaims claims, ImportJobStarter starter, BatchFailure failure, Batches batches,
            int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one start attempt, not " + maxAttempts);
        }
        this.claims = claims;
        this.starter = starter;
        this.failure = failure;
        this.batches = batches;
        this.maxAttempts = maxAttempts;
    }

    /**
     * True when no older batch of the datastore waits to be staged or started. Jobs start in the order their
     * batches were opened, as files were listed: AHI makes the first image set of a series primary, so a series
     * re-sent later (another Patient ID) must not overtake the original because its batch staged sooner.
     */
    private boolean oldestWaiting(Batch batch) {
        List<Batch> waiting = batches.ofDatastore(batch.datastore(), BatchState.SEALED, BatchState.STAGED);
        return waiting.isEmpty() || waiting.get(0).id().equals(batch.id());
    }

    /** Starts the job of the batch if it is STAGED and free; returns it as the ledger has it afterwards. */
    public Batch start(Batch batch, DatastoreRegistration datastore) {
        if (batch.state() != BatchState.STAGED || !claims.claim(batch)) {
            return batch;
        }
        try {
            synchronized (paces.computeIfAbsent(datastore.name(), name -> new Object())) {
                if (!oldestWaiting(batch)) {
                    return batches.find(batch.id()).orElse(batch);
                }
                starter.start(batch, datastore);
            }
            throttled.remove(batch.id());
        } catch (AhiThrottledException e) {
            int attempts = throttled.merge(batch.id(), 1, Integer::sum);
            if (attempts >= maxAttempts) {
                throttled.remove(batch.id());
                failure.fail(batch, "StartDICOMImportJob throttled " + attempts + " times: " + e.getMessage());
            }
        } catch (AhiRejectedException e) {
            failure.fail(batch, "StartDICOMImportJob rejected: " + e.getMessage());
        } finally {
            claims.release(batch.id());
        }
        return batches.find(batch.id()).orElse(batch);
    }
}
