package org.ahibridge.camel;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ahibridge.importing.JobDriver;
import org.ahibridge.importing.PollingRuns;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Batches;
import org.ahibridge.storage.Registrations;

/**
 * The {@code importAdvance} bean of routes/import-advance.camel.yaml: which datastore a message advances, its
 * batches to stage or start and its jobs in flight (each list split into one message per batch), the files
 * AHI sent back for another job, and the end of the runs that are over. Holds no lock: each batch is taken
 * under its own claim by the step beans ({@code importBatch}). No Camel types: routes call it by name.
 */
public final class AdvanceStep {

    private final ImportRouteProperties properties;
    private final Registrations registrations;
    private final Batches batches;
    private final JobDriver.Rebatcher rebatcher;
    private final PollingRuns pollingRuns;
    private final Set<String> advanced = ConcurrentHashMap.newKeySet();

    public AdvanceStep(ImportRouteProperties properties, Registrations registrations, Batches batches,
            JobDriver.Rebatcher rebatcher, PollingRuns pollingRuns) {
        this.properties = properties;
        this.registrations = registrations;
        this.batches = batches;
        this.rebatcher = rebatcher;
        this.pollingRuns = pollingRuns;
    }

    /**
     * The registered datastore a message names (null or blank: {@code ahibridge.routes.import.datastore});
     * import-tick advances it from then on.
     */
    public String datastore(String name) {
        String datastore = registrations.datastore(name == null || name.isBlank() ? properties.datastore() : name)
                .name();
        advanced.add(datastore);
        return datastore;
    }

    /** The datastores advanced so far, the routes' own first. */
    public List<String> advanced() {
        advanced.add(registrations.datastore(properties.datastore()).name());
        return List.copyOf(advanced);
    }

    /** The datastore's batches to stage (SEALED) or to start (STAGED), oldest first. */
    public List<Batch> batches(String datastore) {
        return batches.ofDatastore(datastore, BatchState.SEALED, BatchState.STAGED);
    }

    /** The datastore's jobs in flight (SUBMITTED batches), oldest first. */
    public List<Batch> jobs(String datastore) {
        return batches.ofDatastore(datastore, BatchState.SUBMITTED);
    }

    /** Files sent back to CLASSIFIED (server errors in a job) go into new batches; true when any did. */
    public boolean rebatch(String datastore) {
        return rebatcher.rebatch(datastore);
    }

    /**
     * Ends the polling runs whose source is quiet and whose files all have outcomes (their reports under
     * audit/runs/); true while the datastore has a non-empty open batch or a batch not yet finished.
     */
    public boolean finish(String datastore) {
        pollingRuns.completeFinished();
        return batches.findOpen(datastore).filter(b -> b.fileCount() > 0).isPresent()
                || !batches.ofDatastore(datastore, BatchState.SEALED, BatchState.STAGED, BatchState.SUBMITTED)
                        .isEmpty();
    }
}
