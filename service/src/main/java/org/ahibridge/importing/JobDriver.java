package org.ahibridge.importing;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Batches;
import org.ahibridge.storage.DatastoreRegistration;

/**
 * Takes a datastore's batches from sealed to finished for a one-shot run ({@code import --once},
 * {@code redrive}): one {@link BatchAdvance} step after another (the routes' import-advance, as in the
 * service) until none is left. Waits between steps back off from 100 ms to {@code pollInterval} while no
 * batch moves, or while one waits for its start (throttled, or the datastore's jobs at their cap). Each
 * step takes its batches under their claims, so several instances may drive one datastore.
 */
public final class JobDriver {

    /** Puts files sent back to CLASSIFIED into batches; returns true when it placed any. */
    public interface Rebatcher {
        boolean rebatch(String datastore);
    }

    private static final BatchState[] UNFINISHED = {BatchState.SEALED, BatchState.STAGED, BatchState.SUBMITTED};

    private final Batches batches;
    private final BatchAdvance advance;
    private final Duration pollInterval;
    private final int jobsBefore;

    public JobDriver(Batches batches, BatchAdvance advance, Duration pollInterval) {
        this.batches = batches;
        this.advance = advance;
        this.pollInterval = pollInterval;
        this.jobsBefore = batches.countWithJobs();
    }

    /**
     * Import jobs started since this driver was made, read from the ledger: the routes' batching aggregate starts a
     * full batch's job while the run is still listing, before any step of this driver.
     */
    public int jobsStarted() {
        return batches.countWithJobs() - jobsBefore;
    }

    /** Drives every batch of the datastore to COMPLETED or FAILED, waiting between steps. */
    public void drive(String runId, DatastoreRegistration datastore, Rebatcher rebatcher) throws IOException {
        sealOpen(datastore);
        long wait = 100;
        while (true) {
            Step step = step(datastore, rebatcher);
            sealOpen(datastore);
            if (!active(datastore)) {
                return;
            }
            wait = step.progressed() && !step.throttled() ? 100 : Math.min(wait * 2, pollInterval.toMillis());
            sleep(wait);
        }
    }

    private void sealOpen(DatastoreRegistration datastore) {
        batches.findOpen(datastore.name()).filter(b -> b.fileCount() > 0).ifPresent(b -> batches.seal(b.id()));
    }

    /** What one step did. */
    public record Step(boolean progressed, boolean throttled) {
    }

    /**
     * One {@link BatchAdvance} without waiting, and what it did, read from the ledger: batches that changed
     * state or appeared, jobs started. Open batches are left to the caller.
     */
    public Step step(DatastoreRegistration datastore, Rebatcher rebatcher) throws IOException {
        Map<String, BatchState> before = new HashMap<>();
        mine(datastore, UNFINISHED).forEach(b -> before.put(b.id(), b.state()));
        advance.advance(datastore, rebatcher);
        boolean waiting = false;
        boolean progressed = false;
        int started = 0;
        for (Map.Entry<String, BatchState> was : before.entrySet()) {
            Batch now = batches.find(was.getKey()).orElseThrow();
            progressed |= now.state() != was.getValue();
            waiting |= now.state() == BatchState.STAGED;
            if (was.getValue() != BatchState.SUBMITTED && now.jobId() != null) {
                started++;
            }
        }
        // Batches still waiting for their start while none started: throttled, or the jobs at their cap.
        boolean throttled = waiting && started == 0;
        // Files AHI sent back for another job make new batches: that is progress too.
        progressed |= mine(datastore, UNFINISHED).stream().anyMatch(b -> !before.containsKey(b.id()));
        return new Step(progressed, throttled);
    }

    /** True while the datastore has a non-empty open batch or a batch not yet finished. */
    public boolean active(DatastoreRegistration datastore) {
        return batches.findOpen(datastore.name()).filter(b -> b.fileCount() > 0).isPresent()
                || !mine(datastore, UNFINISHED).isEmpty();
    }

    private List<Batch> mine(DatastoreRegistration datastore, BatchState... states) {
        return batches.ofDatastore(datastore.name(), states);
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
