package org.ahibridge.status;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.ahibridge.importing.OneShotImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status page's re-drive action: every FAILED file of the routes' datastore imported again as a run of its
 * own ({@link OneShotImports#startRedrive}), its batches driven by the service's routes like any other, and the
 * run ended once its files all have their outcome (checked every {@link #CHECK}). One at a time: a request
 * while a re-drive runs is refused, not queued.
 */
public final class StatusRedrive implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusRedrive.class);
    static final int LIMIT = 100_000;
    static final Duration CHECK = Duration.ofSeconds(2);

    private final OneShotImports imports;
    private final String datastore;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "status-redrive");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<String> current = new AtomicReference<>();

    /** @param datastore the datastore the service's routes import into */
    public StatusRedrive(OneShotImports imports, String datastore) {
        this.imports = imports;
        this.datastore = datastore;
    }

    /** What a request got: the run started (its id), or why not. */
    public record Started(boolean started, String message) {
    }

    /** Starts the run (taking its files as far as batching) and answers with its id. */
    public synchronized Started start() {
        if (current.get() != null) {
            return new Started(false, "a re-drive is running already (" + current.get() + "); wait until it ends");
        }
        String runId;
        try {
            runId = imports.startRedrive(datastore, null, LIMIT);
        } catch (Exception e) {
            LOG.warn("re-drive from the status page could not start: {}", e.toString());
            return new Started(false, "the re-drive could not start; see the service's log");
        }
        current.set(runId);
        LOG.info("re-drive {} started from the status page", runId);
        thread.schedule(() -> check(runId), CHECK.toMillis(), TimeUnit.MILLISECONDS);
        return new Started(true, runId);
    }

    private void check(String runId) {
        try {
            if (imports.endIfDone(runId)) {
                LOG.info("re-drive {} completed", runId);
                current.set(null);
                return;
            }
        } catch (Exception e) {
            LOG.warn("re-drive {}: could not check its progress, will again: {}", runId, e.toString());
        }
        thread.schedule(() -> check(runId), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
