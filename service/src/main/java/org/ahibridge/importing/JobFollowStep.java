package org.ahibridge.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

import org.ahibridge.ahi.AhiOperations;
import org.ahibridge.ahi.AhiThrottledException;
import org.ahibridge.ahi.ImportJob;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.storage.DatastoreRegistration;

/**
 * The follow step of one job in flight (routes/import-job.camel.yaml, {@code importBatch.follow}): when its
 * {@link JobChecks} say so, asks AHI about a SUBMITTED batch's job (GetDICOMImportJob); a finished job is
 * accounted file by file from its manifests ({@link JobCompletion}), each terminal outcome once, through
 * {@code direct:import-outcome}. Taken under the batch's claim, so several jobs are followed at once, each
 * by one thread of one instance. A throttled or unfinished job is asked again at a later step.
 */
public final class JobFollowStep {

    private final BatchClaims claims;
    private final JobChecks checks;
    private final Function<DatastoreRegistration, AhiOperations> ahi;
    private final JobCompletion completion;

    public JobFollowStep(BatchClaims claims, JobChecks checks, Function<DatastoreRegistration, AhiOperations> ahi,
            JobCompletion completion) {
        this.claims = claims;
        this.checks = checks;
        this.ahi = ahi;
        this.completion = completion;
    }

    /** Follows the batch's job if it is SUBMITTED and free; returns the batch as the ledger has it afterwards. */
    public Batch follow(Batch batch, DatastoreRegistration datastore) {
        if (batch.state() != BatchState.SUBMITTED || !claims.claim(batch)) {
            return batch;
        }
        try {
            if (!checks.due(batch)) {
                return batch;
            }
            ImportJob job;
            try {
                job = ahi.apply(datastore).getImportJob(datastore.datastoreId(), batch.jobId());
            } catch (AhiThrottledException e) {
                return batch;
            }
            if (!job.status().isFinished()) {
                checks.stillRunning(batch);
                return batch;
            }
            if (completion.complete(batch, job, datastore)) {
                checks.accounted(batch);
            }
            return completion.current(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            claims.release(batch.id());
        }
    }
}
