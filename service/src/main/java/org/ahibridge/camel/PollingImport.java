package org.ahibridge.camel;

import java.io.IOException;

import org.ahibridge.importing.BatchAssembler;
import org.ahibridge.importing.BatchIds;
import org.ahibridge.importing.ImportRunner;
import org.ahibridge.importing.IncrementalLister;
import org.ahibridge.importing.IncrementalLister.PageResult;
import org.ahibridge.importing.JobDriver;
import org.ahibridge.importing.OneShotImports;
import org.ahibridge.importing.PollingRuns;
import org.ahibridge.audit.RunReportWriter;
import java.util.Optional;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.storage.BlobInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ahibridge.ledger.Discovery;
import org.ahibridge.ledger.ImportRuns;
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
 * The {@code pollingImport} bean of the import routes: {@link #poll()} lists each configured source
 * once through the incremental lister (stability rule applied; known versions pass silently), classifies
 * and batches what it takes, and seals the open batch when a full pass found nothing new (the source is
 * quiet) or the batch is older than {@code batch.max-age}; {@link #advance()} takes the datastore's
 * batches one step further (stage, start, follow, account) without waiting, and ends the runs that are
 * over with their report ({@link PollingRuns}). No Camel types: routes call these methods by name.
 */
public final class PollingImport {

    private static final Logger LOG = LoggerFactory.getLogger(PollingImport.class);

    private final ImportRouteProperties properties;
    private final Registrations registrations;
    private final OneShotImports imports;
    private final IncrementalLister lister;
    private final ImportRunner runner;
    private final BatchAssembler assembler;
    private final Batches batches;
    private final PollingRuns pollingRuns;
    private final SourceObjects objects;
    private final ObjectEvents events;
    private JobDriver driver;
    private String lastOpenId;
    private int lastOpenCount;

    public PollingImport(ImportRouteProperties properties, Registrations registrations, OneShotImports imports,
            IncrementalLister lister, ImportRunner runner, BatchAssembler assembler, Batches batches, ImportRuns runs,
            BatchIds ids, SourceObjects objects, ObjectMapper json, RunReportWriter reports) {
        this.objects = objects;
        this.events = new ObjectEvents(json);
        this.properties = properties;
        this.registrations = registrations;
        this.imports = imports;
        this.lister = lister;
        this.runner = runner;
        this.assembler = assembler;
        this.batches = batches;
        this.pollingRuns = new PollingRuns(runs, reports, "poll-" + ids.get());
    }

    /** One polling cycle over every configured source; returns how many objects it took. */
    public synchronized int poll() throws IOException {
        DatastoreRegistration datastore = registrations.datastore(properties.datastore());
        int taken = 0;
        boolean quiet = true;
        for (String source : properties.sources()) {
            boolean sourceQuiet = true;
            StorageSelection selection = registrations.resolveStorage(source);
            AccessGuard.requireImport(selection, datastore);
            runner.requireSourceTagging(selection);
            String storage = selection.registration().name();
            String runId = runId(storage, selection.prefix(), datastore);
            BlobStore store = imports.store(storage);
            pollingRuns.passStarted(storage); // a pass that fails half-way proves nothing about quiet
            PageResult page;
            do {
                page = lister.nextPage(runId, store, storage, selection.prefix(), datastore.name(), false);
                for (Discovery discovery : page.taken()) {
                    runner.work(discovery.object(), store);
                    // Objects still on their way (batched, staged, submitted) are seen again each pass.
                    if (discovery.isNew()) {
                        taken++;
                        sourceQuiet = false;
                    }
                }
                sourceQuiet &= page.waiting() == 0;
            } while (!page.passCompleted());
            pollingRuns.passed(storage, sourceQuiet);
            quiet &= sourceQuiet;
        }
        if (quiet) {
            batches.findOpen(datastore.name()).filter(b -> b.fileCount() > 0).ifPresent(b -> batches.seal(b.id()));
        }
        assembler.sealExpired();
        if (taken > 0) {
            LOG.info("Polling took {} new objects for datastore '{}'", taken, datastore.name());
        }
        return taken;
    }

    /**
     * Takes the objects an SQS message announces (S3 event notification or EventBridge "Object Created"),
     * with no listing: each is looked up (HeadObject), recorded, classified and batched; returns how many
     * were taken. Objects outside the configured sources are ignored.
     */
    public synchronized int ingest(String body) throws IOException {
        DatastoreRegistration datastore = registrations.datastore(properties.datastore());
        int taken = 0;
        for (ObjectEvents.Announced announced : events.read(body)) {
            Optional<StorageSelection> held = sourceHolding(announced);
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
            String key = announced.key().substring(source.registration().location().path().length());
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
            if (discovery.needsWork()) {
                runner.work(discovery.object(), store);
                taken += discovery.isNew() ? 1 : 0;
                pollingRuns.announced(storage);
            }
        }
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
     * Seals the open batch once it has not grown for one tick (message-driven ingestion has no listing
     * pass to tell that the source is quiet) or is older than {@code batch.max-age}, then advances.
     */
    public synchronized boolean tick() throws IOException {
        DatastoreRegistration datastore = registrations.datastore(properties.datastore());
        Optional<Batch> open = batches.findOpen(datastore.name()).filter(b -> b.fileCount() > 0);
        if (open.isPresent() && open.get().fileCount() == lastOpenCount && open.get().id().equals(lastOpenId)) {
            batches.seal(open.get().id());
        }
        lastOpenId = open.map(Batch::id).orElse(null);
        lastOpenCount = open.map(Batch::fileCount).orElse(0);
        assembler.sealExpired();
        return advance();
    }

    private String runId(String storage, String prefix, DatastoreRegistration datastore) {
        return pollingRuns.current(storage, prefix, datastore.name());
    }

    /**
     * One step of the datastore's batches, then completes the runs whose source is quiet and whose
     * objects all have outcomes ({@link PollingRuns}); true while work remains.
     */
    public synchronized boolean advance() throws IOException {
        DatastoreRegistration datastore = registrations.datastore(properties.datastore());
        if (driver == null) {
            driver = imports.driver(datastore);
        }
        driver.step(datastore, runner::batchLeftovers);
        pollingRuns.completeFinished();
        return driver.active(datastore);
    }
}
