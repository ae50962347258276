package org.ahibridge.camel;

import java.io.IOException;

import org.ahibridge.importing.BatchAssembler;
import org.ahibridge.importing.ImportRunner;
import org.ahibridge.importing.JobDriver;
import org.ahibridge.importing.OneShotImports;
import org.ahibridge.importing.PollingRuns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.storage.BlobInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ahibridge.ledger.Discovery;
import org.ahibridge.storage.AccessGuard;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.Registrations;
import org.ahibridge.storage.StorageLocation;
import org.ahibridge.storage.StorageProvider;
import org.ahibridge.storage.StorageSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code pollingImport} bean of the import routes: {@link #advance(String)} takes a datastore's
 * batches one step further (stage, start, follow, account) without waiting, and ends the runs that are
 * over with their report ({@link PollingRuns}); {@link #tick()} seals quiet batches and advances every
 * datastore advanced so far; {@link #ingest} takes the objects of an SQS event. Listing and classifying
 * are routes of their own (routes/import-pass.camel.yaml, import-object.camel.yaml). No Camel types:
 * routes call these methods by name.
 */
public final class PollingImport {

    private static final Logger LOG = LoggerFactory.getLogger(PollingImport.class);

    private final ImportRouteProperties properties;
    private final Registrations registrations;
    private final OneShotImports imports;
    private final ImportRunner runner;
    private final BatchAssembler assembler;
    private final Batches batches;
    private final PollingRuns pollingRuns;
    private final SourceObjects objects;
    private final ObjectEvents events;
    private final Map<String, JobDriver> drivers = new LinkedHashMap<>();
    private final Map<String, Batch> lastOpen = new HashMap<>();

    public PollingImport(ImportRouteProperties properties, Registrations registrations, OneShotImports imports,
            ImportRunner runner, BatchAssembler assembler, Batches batches, PollingRuns pollingRuns,
            SourceObjects objects, ObjectMapper json) {
        this.objects = objects;
        this.events = new ObjectEvents(json);
        this.properties = properties;
        this.registrations = registrations;
        this.imports = imports;
        this.runner = runner;
        this.assembler = assembler;
        this.batches = batches;
        this.pollingRuns = pollingRuns;
    }

    /**
     * Takes the objects an SQS message announces (S3 event notification or EventBridge "Object Created"),
     * with no listing: each is looked up (HeadObject), recorded, classified and batched; returns how many
     * were taken. Objects outside the configured sources are ignored.
     */
    public synchronized int ingest(String body) throws IOException {
        DatastoreRegistration datastore = registrations.datastore(properties.datastore());
        int taken = 0;
        List<SourceObject> announced = new ArrayList<>();
        for (ObjectEvents.Announced event : events.read(body)) {
            Optional<StorageSelection> held = sourceHolding(event);
            if (held.isEmpty()) {
                LOG.warn("Ignoring an event for an object outside the sources {}", properties.sources());
                continue;
            }
            // The configured source as a whole, as a poll checks it: an event must not import what a poll refuses.
            StorageSelection source = held.get();
            AccessGuard.requireImport(source, datastore);
            runner.requireSourceTagging(source);
            String storage = source.registration().name();
            BlobStore store = imports.store(storage);
            String key = event.key().substring(source.registration().location().path().length());
            Optional<BlobInfo> info = store.stat(key);
            if (info.isEmpty()) {
                continue;
            }
            if (objects.find(storage, key, info.get().version()).filter(SourceObject::isTerminal).isPresent()) {
                // A duplicate or late event of a finished object passes silently, as in a polling pass:
                // reporting it would open a run (and write a report) per duplicate S3 event.
                continue;
            }
            String runId = runId(storage, "", datastore);
            Discovery discovery = objects.discover(runId, new ObjectVersion(storage, key, info.get().version(),
                    info.get().size(), info.get().lastModified()), datastore.name());
            WorkState state = discovery.object().state();
            if (discovery.needsWork() && (state == WorkState.DISCOVERED || state == WorkState.CLASSIFIED)) {
                announced.add(discovery.object());
                taken += discovery.isNew() ? 1 : 0;
                pollingRuns.announced(storage);
            }
        }
        // Classified, filtered by the rules and batched by the same routes as a listing pass.
        runner.take(announced, imports::store);
        return taken;
    }

    /**
     * The configured source whose selection holds the announced object, as a poll of that source would
     * list it (same storage name, key relative to the storage's root); empty when none does.
     */
    private Optional<StorageSelection> sourceHolding(ObjectEvents.Announced announced) {
        for (String name : properties.sources()) {
            StorageSelection source = registrations.resolveStorage(name);
            StorageLocation location = source.registration().location();
            if (location.provider() == StorageProvider.S3 && location.container().equals(announced.bucket())
                    && announced.key().startsWith(location.path() + source.prefix())) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    /**
     * Seals each driven datastore's open batch once it has not grown for one tick (message-driven ingestion
     * has no listing pass to tell that the source is quiet) or is older than {@code batch.max-age}, then
     * advances them all; true while any has work left.
     */
    public synchronized boolean tick() throws IOException {
        drivers.putIfAbsent(properties.datastore(), null);
        boolean active = false;
        for (String name : List.copyOf(drivers.keySet())) {
            Optional<Batch> open = batches.findOpen(name).filter(b -> b.fileCount() > 0);
            Batch last = lastOpen.get(name);
            if (open.isPresent() && last != null && open.get().fileCount() == last.fileCount()
                    && open.get().id().equals(last.id())) {
                batches.seal(open.get().id());
            }
            if (open.isPresent()) {
                lastOpen.put(name, open.get());
            } else {
                lastOpen.remove(name);
            }
            assembler.sealExpired();
            active |= advance(name);
        }
        return active;
    }

    private String runId(String storage, String prefix, DatastoreRegistration datastore) {
        return pollingRuns.current(storage, prefix, datastore.name());
    }

    /**
     * One step of the batches of {@code datastoreName} (null: {@code ahibridge.routes.import.datastore}),
     * then completes the runs whose source is quiet and whose objects all have outcomes
     * ({@link PollingRuns}); true while work remains. The datastore is advanced at every tick from then on.
     */
    public synchronized boolean advance(String datastoreName) throws IOException {
        DatastoreRegistration datastore = registrations.datastore(
                datastoreName == null || datastoreName.isBlank() ? properties.datastore() : datastoreName);
        JobDriver driver = drivers.get(datastore.name());
        if (driver == null) {
            driver = imports.driver(datastore);
            drivers.put(datastore.name(), driver);
        }
        driver.step(datastore, runner::batchLeftovers);
        pollingRuns.completeFinished();
        return driver.active(datastore);
    }

    /** {@link #advance(String)} of the configured datastore. */
    public boolean advance() throws IOException {
        return advance(null);
    }
}
