package org.ahibridge.importing;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.Predicate;

import org.ahibridge.ahi.AhiOperations;
import org.ahibridge.ahi.AhiRejectedException;
import org.ahibridge.ahi.AhiThrottledException;
import org.ahibridge.ahi.ImportJob;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.ledger.WorkLeases;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.StorageException;

/**
 * Takes a datastore's batches from sealed to finished: stages each sealed batch into its own prefix,
 * starts one import job per staged batch (clientToken = batch id; the start pace is the template's),
 * follows submitted jobs with GetDICOMImportJob (docs/aws-healthimaging.md §2.1) and accounts each finished job's
 * manifests
 * back to the source objects. Throttling is retried with exponential backoff, at most
 * {@code maxStartAttempts} times per batch; a rejected start fails the batch's files with AHI's reason
 * (the dead letter). Polling backs off from 100 ms to {@code pollInterval}. Whether a step asks AHI about
 * a submitted job at all is the pacing's {@link JobChecks}: at every step, or on job events with polling
 * as fallback.
 *
 * <p>Several instances may drive the same datastore: each step on a batch is taken under the batch's
 * {@link WorkLeases lease}, so one instance does it; a batch whose lease another instance holds is left
 * for that instance (or for this one once a crashed holder's lease expired).
 */
public final class JobDriver {

    /** Puts files sent back to CLASSIFIED into batches; returns true when it placed any. */
    public interface Rebatcher {
        boolean rebatch(String datastore);
    }

    private final Batches batches;
    private final SourceObjects objects;
    private final BatchStager stager;
    private final ImportJobStarter starter;
    private final JobAccounting accounting;
    private final StagingCleaner cleaner;
    private final AuditedOutcomes outcomes;
    private final Function<DatastoreRegistration, AhiOperations> ahi;
    private final Function<String, BlobStore> sources;
    private final Supplier<BlobStore> staging;
    private final Supplier<BlobStore> output;
    private final Duration pollInterval;
    private final int maxStartAttempts;
    private final JobChecks checks;
    private final WorkLeases leases;
    private final Map<String, Integer> startAttempts = new HashMap<>();
    private final Map<String, Integer> storageFaults = new HashMap<>();
    private int jobsStarted;

    public JobDriver(Batches batches, SourceObjects objects, BatchStager stager, ImportJobStarter starter,
            JobAccounting accounting, StagingCleaner cleaner, AuditedOutcomes outcomes,
            Function<DatastoreRegistration, AhiOperations> ahi, Function<String, BlobStore> sources,
            Supplier<BlobStore> staging, Supplier<BlobStore> output, DriverPacing pacing, WorkLeases leases) {
        this.batches = batches;
        this.objects = objects;
        this.stager = stager;
        this.starter = starter;
        this.accounting = accounting;
        this.cleaner = cleaner;
        this.outcomes = outcomes;
        this.ahi = ahi;
        this.sources = sources;
        this.staging = staging;
        this.output = output;
        this.pollInterval = pacing.pollInterval();
        this.maxStartAttempts = pacing.maxStartAttempts();
        this.checks = pacing.checks();
        this.leases = leases;
    }

    public int jobsStarted() {
        return jobsStarted;
    }

    /** Drives every batch of the datastore to COMPLETED or FAILED, waiting between steps. */
    public void drive(String runId, DatastoreRegistration datastore, Rebatcher rebatcher) throws IOException {
        batches.findOpen(datastore.name()).filter(b -> b.fileCount() > 0).ifPresent(b -> batches.seal(b.id()));
        long wait = 100;
        while (true) {
            Step step = step(datastore, rebatcher);
            batches.findOpen(datastore.name()).filter(b -> b.fileCount() > 0).ifPresent(b -> batches.seal(b.id()));
            if (!active(datastore)) {
                return;
            }
            wait = step.progressed() && !step.throttled() ? 100 : Math.min(wait * 2, pollInterval.toMillis());
            sleep(wait);
        }
    }

    /** What one step did. */
    public record Step(boolean progressed, boolean throttled) {
    }

    /**
     * One pass without waiting: stages sealed batches, starts staged ones, accounts finished jobs and
     * re-batches retried files. The routes call this on a timer; open batches are left to the caller.
     */
    public Step step(DatastoreRegistration datastore, Rebatcher rebatcher) throws IOException {
        boolean progressed = false;
        boolean throttled = false;
        for (Batch sealed : mine(BatchState.SEALED, datastore)) {
            if (!leases.claimBatch(sealed.id(), BatchState.SEALED)) {
                continue;
            }
            try {
                stager.stage(sealed, staging.get(), datastore.requireStaging().location(), sources,
                        () -> leases.claimBatch(sealed.id(), BatchState.SEALED));
                progressed = true;
            } catch (StorageException e) {
                throttled |= retryLater(sealed, e);
            } finally {
                leases.releaseBatch(sealed.id());
            }
        }
        for (Batch staged : mine(BatchState.STAGED, datastore)) {
            if (!leases.claimBatch(staged.id(), BatchState.STAGED)) {
                continue;
            }
            try {
                Optional<ImportJob> job = starter.start(staged, datastore);
                if (job.isPresent()) {
                    jobsStarted++;
                    progressed = true;
                }
            } catch (AhiThrottledException e) {
                throttled = true;
                if (startAttempts.merge(staged.id(), 1, Integer::sum) >= maxStartAttempts) {
                    failBatch(staged, "StartDICOMImportJob throttled " + maxStartAttempts + " times: "
                            + e.getMessage());
                }
            } catch (AhiRejectedException e) {
                failBatch(staged, "StartDICOMImportJob rejected: " + e.getMessage());
            } finally {
                leases.releaseBatch(staged.id());
            }
        }
        List<Batch> submitted = mine(BatchState.SUBMITTED, datastore);
        for (Batch batch : submitted) {
            if (!leases.claimBatch(batch.id(), BatchState.SUBMITTED)) {
                continue;
            }
            try {
                progressed |= follow(batch, datastore);
            } finally {
                leases.releaseBatch(batch.id());
            }
        }
        if (rebatcher.rebatch(datastore.name())) {
            progressed = true;
        }
        return new Step(progressed, throttled);
    }

    private boolean follow(Batch batch, DatastoreRegistration datastore) throws IOException {
        if (!checks.due(batch)) {
            return false;
        }
        ImportJob job;
        try {
            job = ahi.apply(datastore).getImportJob(datastore.datastoreId(), batch.jobId());
        } catch (AhiThrottledException e) {
            return false;
        }
        if (!job.status().isFinished()) {
            checks.stillRunning(batch);
            return false;
        }
        try {
            // The manifests are read before any ledger change, so a failed read leaves the batch SUBMITTED.
            accounting.account(batch, job, output.get(), datastore.requireOutput().location());
        } catch (StorageException e) {
            retryLater(batch, e);
            return false;
        }
        checks.accounted(batch);
        try {
            cleaner.clean(batches.find(batch.id()).orElse(batch), staging.get());
        } catch (StorageException e) {
            retryLater(batch, e); // the batch is finished; only its staging copies stay behind
        }
        return true;
    }

    /**
     * A transient storage fault (S3 5xx or SlowDown after the SDK's own retries) leaves the batch where it
     * is for the next step, which the drive loop delays with backoff; true when it does. Other faults, and
     * more than {@code maxStartAttempts} transient ones for one batch, stop the run.
     */
    private boolean retryLater(Batch batch, StorageException e) {
        if (!e.isTransient() || storageFaults.merge(batch.id(), 1, Integer::sum) > maxStartAttempts) {
            throw e;
        }
        return true;
    }

    private void failBatch(Batch batch, String reason) {
        for (SourceObject file : objects.inBatch(batch.id())) {
            if (file.state() != WorkState.DONE) {
                outcomes.finish(file.id(), Outcome.FAILED, reason);
            }
        }
        batches.finished(batch.id(), BatchState.FAILED, reason);
        cleaner.clean(batches.find(batch.id()).orElse(batch), staging.get());
    }

    /** True while the datastore has a non-empty open batch or a batch not yet finished. */
    public boolean active(DatastoreRegistration datastore) {
        Predicate<Batch> open = b -> b.fileCount() > 0;
        return batches.findOpen(datastore.name()).filter(open).isPresent()
                || !mine(BatchState.SEALED, datastore).isEmpty() || !mine(BatchState.STAGED, datastore).isEmpty()
                || !mine(BatchState.SUBMITTED, datastore).isEmpty();
    }

    private List<Batch> mine(BatchState state, DatastoreRegistration datastore) {
        return batches.inState(state).stream().filter(b -> b.datastore().equals(datastore.name())).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for import jobs", e);
        }
    }
}
