package org.ahibridge.camel;

import org.ahibridge.importing.JobFollowStep;
import org.ahibridge.importing.JobStartStep;
import org.ahibridge.importing.StagingStep;
import org.ahibridge.ledger.Batch;
import org.ahibridge.storage.Registrations;

/**
 * The {@code importBatch} bean of routes/import-batch.camel.yaml and import-job.camel.yaml: one batch per
 * message (the body), taken one step further by {@link #stage}, {@link #start} or {@link #follow}; each
 * returns the batch as the ledger has it afterwards, unchanged when the step did not apply or another
 * thread or instance holds the batch.
 */
public final class BatchStep {

    private final Registrations registrations;
    private final StagingStep staging;
    private final JobStartStep starts;
    private final JobFollowStep follows;
    private final JobFollowStep polling;

    /**
     * @param follows follows jobs as the service does (on job events, when they are on)
     * @param polling follows jobs with GetDICOMImportJob at every step, for one-shot runs: nothing consumes the
     *                job-event queue for them
     */
    public BatchStep(Registrations registrations, StagingStep staging, JobStartStep starts, JobFollowStep follows,
            JobFollowStep polling) {
        this.registrations = registrations;
        this.staging = staging;
        this.starts = starts;
        this.follows = follows;
        this.polling = polling;
    }

    /** SEALED: copied into its staging prefix (concurrent CopyObject with copy-source-if-match), then STAGED. */
    public Batch stage(Batch batch) {
        return staging.stage(batch);
    }

    /** STAGED: its import job started (paced), then SUBMITTED; throttled: STAGED still; rejected: FAILED. */
    public Batch start(Batch batch) {
        return starts.start(batch, registrations.datastore(batch.datastore()));
    }

    /** SUBMITTED: GetDICOMImportJob; a finished job's manifests accounted file by file, then COMPLETED or FAILED. */
    public Batch follow(Batch batch) {
        return follow(batch, false);
    }

    /** {@link #follow(Batch)}, asking AHI at every step when {@code poll} (header AhiBridgePollJobs). */
    public Batch follow(Batch batch, Boolean poll) {
        JobFollowStep step = Boolean.TRUE.equals(poll) ? polling : follows;
        return step.follow(batch, registrations.datastore(batch.datastore()));
    }
}
