package org.ahibridge.emulator.ahi.op;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.store.Datastore;

/**
 * Finishes creating data stores in the background, as AWS does: CreateDatastore answers CREATING (and
 * sends "Data Store Creating"); {@link org.ahibridge.emulator.ahi.AhiSettings#datastoreCreationMillis()}
 * later the data store is ACTIVE ("Data Store Created"). Callers wait for ACTIVE with GetDatastore: the
 * model has no waiter for it, and StartDICOMImportJob refuses a data store that is not ACTIVE.
 */
public final class DatastoreCreation implements AutoCloseable {

    private final AhiContext context;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ahi-emulator-datastore-creation");
        thread.setDaemon(true);
        return thread;
    });

    public DatastoreCreation(AhiContext context) {
        this.context = context;
    }

    /** Makes {@code datastoreId} ACTIVE after the creation delay. */
    void finishLater(String datastoreId) {
        scheduler.schedule(() -> activate(datastoreId), context.settings().datastoreCreationMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void activate(String datastoreId) {
        Datastore active;
        synchronized (context.store()) {
            Datastore creating = context.store().datastores().stream().filter(d -> d.id().equals(datastoreId))
                    .findFirst().orElse(null);
            if (creating == null || !creating.status().equals(Datastore.CREATING)) {
                return;
            }
            active = creating.withStatus(Datastore.ACTIVE, context.now());
            context.store().put(active);
        }
        context.events().datastore("Data Store Created", active.id(), active.name(), Datastore.ACTIVE);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
