package org.ahibridge.importing;

import java.io.IOException;
import java.util.List;

import org.ahibridge.ahi.ImportJob;
import org.ahibridge.ahi.ImportJobStatus;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.StorageLocation;

/**
 * Accounts for a finished import job (docs/design.md §1 step 7): reads its output, joins it to the batch's
 * files ({@link ManifestJoin}), records every file's outcome in the ledger (server errors go back to
 * batching), writes an audit record per terminal outcome, and closes the batch. A job that is COMPLETED
 * with failed files is handled like any other: each file gets its own outcome. Files AHI put in
 * non-primary image sets then go to the {@link NonPrimaryFollowUp}.
 */
public final class JobAccounting {

    private final SourceObjects objects;
    private final ObjectTransitions transitions;
    private final Batches batches;
    private final ManifestReader reader;
    private final ManifestJoin join;
    private final AuditedOutcomes outcomes;
    private final NonPrimaryFollowUp nonPrimary;

    /** Accounting without non-primary follow-up (policy {@code leave}). */
    public JobAccounting(SourceObjects objects, ObjectTransitions transitions, Batches batches, ManifestReader reader,
            ManifestJoin join, AuditedOutcomes outcomes) {
        this(objects, transitions, batches, reader, join, outcomes, null);
    }

    /** @param nonPrimary the follow-up of non-primary image sets, or null for none */
    public JobAccounting(SourceObjects objects, ObjectTransitions transitions, Batches batches, ManifestReader reader,
            ManifestJoin join, AuditedOutcomes outcomes, NonPrimaryFollowUp nonPrimary) {
        this.nonPrimary = nonPrimary;
        this.objects = objects;
        this.transitions = transitions;
        this.batches = batches;
        this.reader = reader;
        this.join = join;
        this.outcomes = outcomes;
    }

    /**
     * @param output         the datastore's output storage
     * @param outputLocation its location, to turn the job's output URI into keys
     */
    public ManifestJoin.Joined account(Batch batch, ImportJob job, BlobStore output, StorageLocation outputLocation)
            throws IOException {
        if (!job.status().isFinished()) {
            throw new IllegalArgumentException("import job " + job.jobId() + " is " + job.status() + ", not finished");
        }
        ImportOutput importOutput = job.outputS3Uri() == null
                ? ImportOutput.missing("import job " + job.jobId() + " reported no output location")
                : reader.read(output, JobOutputLocation.jobFolderKey(outputLocation,
                        JobOutputLocation.jobFolderUri(job.outputS3Uri(), job.datastoreId(), job.jobId())));
        List<SourceObject> files = objects.inBatch(batch.id());
        ManifestJoin.Joined joined = join.join(files, importOutput, job);
        joined.files().forEach(this::record);
        if (nonPrimary != null) {
            // Before the batch is closed: a crash in between repeats the accounting, and the follow-up with it.
            nonPrimary.accounted(batch, job, joined.files());
        }
        batches.finished(batch.id(), job.status() == ImportJobStatus.COMPLETED ? BatchState.COMPLETED : BatchState.FAILED,
                job.message());
        return joined;
    }

    private void record(FileResolution resolution) {
        long id = resolution.file().id();
        switch (resolution.result()) {
            case IMPORTED -> outcomes.imported(id, Outcome.IMPORTED, resolution.imageSetId(),
                    resolution.imageSetVersion(), resolution.isPrimary(), resolution.reason());
            case IMPORTED_WITH_WARNINGS -> outcomes.imported(id, Outcome.IMPORTED_WITH_WARNINGS,
                    resolution.imageSetId(), resolution.imageSetVersion(), resolution.isPrimary(), resolution.reason());
            case FAILED -> outcomes.finish(id, Outcome.FAILED, resolution.reason());
            case RETRY -> transitions.retry(id, resolution.reason());
        }
    }
}
