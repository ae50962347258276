package org.ahibridge.status;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.ahibridge.importing.OneShotImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status page's re-drive action: the {@code redrive} command's run (every FAILED file of a datastore imported
 * again as a run of its own), started on a thread of its own so the request returns at once. One at a time: a
 * second request while one runs is refused, not queued.
 */
public final class StatusRedrive implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusRedrive.class);
    static final int LIMIT = 100_000;

    private final OneShotImports imports;
    private final String datastore;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
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

    /** What a request got: the run started (its id once known), or why not. */
    public record Started(boolean started, String message) {
    }

    public Started start() {
        if (!current.compareAndSet(null, "starting")) {
            return new Started(false, "a re-drive is running already; wait until it ends");
        }
        java.util.concurrent.CompletableFuture<String> runId = new java.util.concurrent.CompletableFuture<>();
        thread.execute(() -> {
            try {
                imports.redrive(datastore, null, LIMIT, id -> {
                    current.set(id);
                    runId.complete(id);
                });
            } catch (Exception e) {
                LOG.warn("re-drive from the status page could not complete: {}", e.toString());
                runId.complete(null);
            } finally {
                current.set(null);
            }
        });
        try {
            String id = runId.get(30, java.util.concurrent.TimeUnit.SECONDS);
            return id == null ? new Started(false, "the re-drive could not start; see the service's log")
                    : new Started(true, id);
        } catch (java.util.concurrent.TimeoutException e) {
            return new Started(true, "the re-drive is starting");
        } catch (java.util.concurrent.ExecutionException e) {
            return new Started(false, "the re-drive could not start; see the service's log");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Started(false, "interrupted");
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
