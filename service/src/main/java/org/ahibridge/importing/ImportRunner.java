package org.ahibridge.importing;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.ahibridge.ledger.ImportRun;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.ledger.ListingPositions;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.storage.AccessGuard;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.StorageSelection;

/**
 * One bulk import run of everything under a source (docs/design.md §6, {@code import --once}): lists the
 * whole source with the incremental lister and takes every object through the routes' object flow (the filter
 * rules, a ranged read to classify it, batching), then hands the batches to the {@link JobDriver} until every
 * object the run saw has exactly one outcome for it. Objects an earlier run finished are reported
 * (ALREADY_IMPORTED or their stored outcome) without any work. There is no other path than the routes: without
 * them a run fails before it starts.
 */
public final class ImportRunner {

    private final IncrementalLister lister;
    private final BatchAssembler assembler;
    private final SourceObjects objects;
    private final ImportRuns runs;
    private final ListingPositions positions;
    private final AuditedOutcomes outcomes;
    private final SourceObjectTagger tagger;
    private final Supplier<ObjectFlow> flow;

    /**
     * @param tagger writes verdicts as tags on source objects, when configured to (checked here up front)
     * @param flow   the routes that classify and batch (routes/import-objects.camel.yaml); null when not loaded
     */
    public ImportRunner(IncrementalLister lister, BatchAssembler assembler, SourceObjects objects, ImportRuns runs,
            ListingPositions positions, AuditedOutcomes outcomes, SourceObjectTagger tagger, Supplier<ObjectFlow> flow) {
        this.lister = Objects.requireNonNull(lister, "lister");
        this.assembler = assembler;
        this.objects = objects;
        this.runs = runs;
        this.positions = positions;
        this.outcomes = outcomes;
        this.tagger = tagger;
        this.flow = flow;
    }

    /** What a run ended with: its state and a count per outcome. */
    public record RunResult(String runId, ImportRun.RunState state, Map<Outcome, Integer> outcomes, int pending) {
    }

    /**
     * Runs the import; returns when every object seen has an outcome, or throws when the run itself
     * cannot complete (the run is then ABORTED and its unfinished objects are adopted by the next run).
     */
    public RunResult run(String runId, StorageSelection source, BlobStore sourceStore, DatastoreRegistration datastore,
            JobDriver driver) throws IOException {
        AccessGuard.requireImport(source, datastore);
        tagger.requireAllowed(source);
        ObjectFlow routes = routes();
        String storage = source.registration().name();
        runs.start(runId, storage, source.prefix(), datastore.name());
        try {
            discover(routes, new SourcePasses.Source(runId, sourceStore, storage, source.prefix(), datastore.name()));
            driver.drive(runId, datastore, this::batchLeftovers);
            int pending = runs.pendingCount(runId);
            ImportRun.RunState state = pending == 0 ? ImportRun.RunState.COMPLETED : ImportRun.RunState.ABORTED;
            runs.end(runId, state);
            return new RunResult(runId, state, runs.outcomeCounts(runId), pending);
        } catch (IOException | RuntimeException e) {
            runs.end(runId, ImportRun.RunState.ABORTED);
            throw e;
        }
    }

    /**
     * One listing pass, each object through the routes; a run that starts mid-pass (an earlier run stopped
     * there) lists one more, so it sees the whole source.
     */
    private void discover(ObjectFlow routes, SourcePasses.Source source) {
        boolean fromStart = positions.get(source.storage(), source.prefix()).continuationToken() == null;
        routes.take(new SourcePasses(lister, List.of(source), true));
        if (!fromStart) {
            routes.take(new SourcePasses(lister, List.of(source), true));
        }
    }

    /**
     * Refuses a source whose objects may not be tagged while {@code tag-source-objects} is on (the polling
     * routes call it before listing, as {@link #run} does).
     */
    public void requireSourceTagging(StorageSelection source) {
        tagger.requireAllowed(source);
    }

    /** Takes unfinished objects (a re-drive's, announced ones) through the routes as far as batching. */
    public void take(List<SourceObject> unfinished) {
        routes().take(unfinished.iterator());
    }

    /**
     * The routes' object flow, or a clear failure: a context without them (routes left out of
     * camel.main.routes-include-pattern, or the collector turned off) has no other way to take objects.
     */
    private ObjectFlow routes() {
        ObjectFlow routes = flow.get();
        if (routes == null || !routes.available()) {
            throw new IllegalStateException("the import routes are not loaded: route import-objects"
                    + " (routes/import-objects.camel.yaml) and those it calls must be started to take objects");
        }
        return routes;
    }

    /** Adds a classified file to a batch; one too large for any import job ended FAILED there: audit it. */
    public Placement batch(SourceObject classified) {
        Placement placement = assembler.add(classified);
        if (placement.kind() == Placement.Kind.TOO_LARGE) {
            outcomes.recorded(classified.id());
        }
        return placement;
    }

    /** Files sent back to CLASSIFIED (server errors in a job) go into new batches; true when any did. */
    public boolean batchLeftovers(String datastore) {
        boolean any = false;
        for (SourceObject object : objects.inState(WorkState.CLASSIFIED, 10_000)) {
            if (datastore.equals(object.datastore())) {
                batch(object);
                any = true;
            }
        }
        return any;
    }
}
