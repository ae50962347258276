package org.ahibridge.emulator.ahi;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.BiFunction;

import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.emulator.ahi.fault.TokenBucket;
import org.ahibridge.emulator.ahi.imports.ImportJobRunner;
import org.ahibridge.emulator.ahi.imports.ImportSpool;
import org.ahibridge.emulator.ahi.op.DatastoreCreation;
import org.ahibridge.emulator.ahi.store.AhiStore;
import org.ahibridge.emulator.ahi.store.Datastore;
import org.ahibridge.emulator.eventbridge.EventPublisher;
import org.ahibridge.emulator.http.HttpReply;

/**
 * The emulated AWS HealthImaging: state, import job runner and HTTP server together. Reads its input
 * and writes its job output through {@code s3}; sends its events to {@code events}.
 */
public final class AhiEmulator implements AutoCloseable {

    private final AhiContext context;
    private final ImportJobRunner runner;
    private final DatastoreCreation datastoreCreation;
    private final AhiHttpServer server;

    /**
     * @param dataDir     where state survives a restart, or null to keep it in memory
     * @param eventBridge the EventBridge API to serve on the same port, or null
     * @param spool       how import jobs read objects too large to hold in memory
     */
    public AhiEmulator(String host, int port, AhiSettings settings, Path dataDir, EventPublisher events, S3Client s3,
            BiFunction<String, byte[], HttpReply> eventBridge, long faultSeed, ImportSpool spool) throws IOException {
        AhiStore store = dataDir == null ? AhiStore.inMemory()
                : AhiStore.persistent(dataDir, System.currentTimeMillis());
        FaultInjector faults = new FaultInjector(faultSeed);
        this.context = new AhiContext(settings, store, new AhiEvents(events, settings), faults,
                System::currentTimeMillis, new TokenBucket(settings.startJobRate(), settings.startJobBurst()));
        this.runner = new ImportJobRunner(context, s3, 2, spool);
        this.datastoreCreation = new DatastoreCreation(context);
        this.server = new AhiHttpServer(host, port, AhiApi.routes(context, runner, datastoreCreation),
                AdminApi.routes(faults),
                eventBridge, faults::before);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** Fault injection for tests. */
    public FaultInjector faults() {
        return context.faults();
    }

    /**
     * The ACTIVE data store named {@code name}: the one with {@code id} if it exists, else the first of that
     * name, else a new one created with {@code id}. For hosts that run the emulator in-process and need the
     * id before the HTTP API is up (the service's embedded default). Unlike CreateDatastore, which answers
     * CREATING, this is not an API call and the data store is ACTIVE at once.
     */
    public String ensureDatastore(String id, String name) {
        AhiStore store = context.store();
        synchronized (store) {
            Datastore byName = null;
            for (Datastore existing : store.datastores()) {
                if (existing.status().equals("ACTIVE") && existing.id().equals(id)) {
                    return id;
                }
                if (byName == null && existing.status().equals("ACTIVE") && existing.name().equals(name)) {
                    byName = existing;
                }
            }
            if (byName != null) {
                return byName.id();
            }
            long now = context.now();
            store.put(new Datastore(id, name, "ACTIVE", null, null, null, now, now, null, java.util.Map.of()));
            return id;
        }
    }

    /** The state, settings, events and faults, for the DICOMweb endpoint that serves the same data stores. */
    public AhiContext context() {
        return context;
    }

    public AhiSettings settings() {
        return context.settings();
    }

    @Override
    public void close() {
        server.close();
        datastoreCreation.close();
        runner.close();
        context.store().close();
    }
}
