package org.ahibridge.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ahibridge.ledger.Batch;

/**
 * Job follow-up driven by AHI's "Import Job Completed/Failed" EventBridge events (docs/design.md §1 step 6):
 * a SUBMITTED batch is checked with GetDICOMImportJob once an event said its job finished, or when
 * {@code fallback} has passed since it was submitted or last checked. An event is only a hint: the job's
 * state still comes from GetDICOMImportJob, so a duplicate, late or forged event costs one call at most.
 *
 * <p>Notes are kept in memory (a restart forgets them; every batch is then due at submission +
 * fallback at the latest) and remembered even for jobs the ledger does not show yet: an event can
 * overtake the ledger update of the batch that started its job. At most {@value #MAX_NOTES} notes are
 * kept, the oldest dropped first. Safe for the SQS consumer and the timer thread at once.
 */
public final class JobSignals implements JobChecks {

    static final int MAX_NOTES = 10_000;

    private final Clock clock;
    private final Duration fallback;
    private final Map<String, Instant> finishedJobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_NOTES;
        }
    };
    private final Map<String, Instant> lastChecks = new ConcurrentHashMap<>();

    public JobSignals(Clock clock, Duration fallback) {
        if (fallback == null || fallback.isNegative() || fallback.isZero()) {
            throw new IllegalArgumentException("ahibridge.import.job-events.fallback-interval must be positive, not "
                    + fallback);
        }
        this.clock = clock;
        this.fallback = fallback;
    }

    /** Notes that an event said this job finished (COMPLETED or FAILED). */
    public void jobFinished(String jobId) {
        synchronized (finishedJobs) {
            finishedJobs.putIfAbsent(jobId, clock.instant());
        }
    }

    /** True when an event for this job arrived and its batch was not accounted since. */
    public boolean noted(String jobId) {
        synchronized (finishedJobs) {
            return jobId != null && finishedJobs.containsKey(jobId);
        }
    }

    public Duration fallback() {
        return fallback;
    }

    @Override
    public boolean due(Batch submitted) {
        if (noted(submitted.jobId())) {
            return true;
        }
        Instant since = lastChecks.getOrDefault(submitted.id(),
                submitted.submittedAt() == null ? Instant.EPOCH : submitted.submittedAt());
        return !clock.instant().isBefore(since.plus(fallback));
    }

    @Override
    public void stillRunning(Batch submitted) {
        // A noted job stays due: AHI may answer GetDICOMImportJob a moment behind its own event.
        lastChecks.put(submitted.id(), clock.instant());
    }

    @Override
    public void accounted(Batch batch) {
        lastChecks.remove(batch.id());
        if (batch.jobId() != null) {
            synchronized (finishedJobs) {
                finishedJobs.remove(batch.jobId());
            }
        }
    }
}
