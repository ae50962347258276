package org.ahibridge.camel;

import java.io.IOException;

import org.ahibridge.importing.DatastoreStores;
import org.ahibridge.importing.ImportRunner;
import org.ahibridge.importing.PollingRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * The {@code pollingImport} bean of routes/import-sqs-events.camel.yaml: {@link #ingest} takes the objects of
 * an SQS event through the same flow as a listing pass. Listing, classifying, batching, staging, job starts
 * and follow-up are route steps of their own (import-pass, import-object, import-advance, import-batch,
 * import-job). No Camel types: routes call these methods by name.
 */
public final class PollingImport {

    private static final Logger LOG = LoggerFactory.getLogger(PollingImport.class);

    private final ImportRouteProperties properties;
    private final Registrations registrations;
    private final DatastoreStores stores;
    private final ImportRunner runner;
    private final PollingRuns pollingRuns;
    private final SourceObjects objects;
    private final ObjectEvents events;

    public PollingImport(ImportRouteProperties properties, Registrations registrations, DatastoreStores stores,
            ImportRunner runner, PollingRuns pollingRuns, SourceObjects objects, ObjectMapper json) {
        this.properties = properties;
        this.registrations = registrations;
        this.stores = stores;
        this.runner = runner;
        this.pollingRuns = pollingRuns;
        this.objects = objects;
        this.events = new ObjectEvents(json);
    }

    /**
     * Takes the objects an SQS message announces (S3 event notification or EventBridge "Object Created"),
     * with no listing: each is looked up (HeadObject), recorded, classified and batched; returns how many
     * were taken. Objects outside the configured sources are ignored.
     */
    public int ingest(String body) throws IOException {
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
            BlobStore store = stores.source(storage);
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
            String runId = pollingRuns.current(storage, "", datastore.name());
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
        runner.take(announced);
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
}
