package org.ahibridge.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.ahibridge.audit.RunReportWriter;
import org.ahibridge.importing.ImportRunner.RunResult;
import org.ahibridge.ledger.ImportRun;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.storage.AccessModeException;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.Registrations;
import org.ahibridge.storage.StorageSelection;

/**
 * The {@code import --once} and {@code redrive} runs (docs/design.md §6) over the import beans: resolves the
 * source and datastore, runs the {@link ImportRunner} with a {@link JobDriver}, and writes the run report.
 */
public final class OneShotImports {

    /** What a one-shot run prints: the run's result, the jobs it started and its report file. */
    public record Summary(RunResult result, String source, String datastore, int jobs, Path report) {
        public Map<Outcome, Integer> outcomes() {
            return result.outcomes();
        }
    }

    private final Registrations registrations;
    private final DatastoreStores stores;
    private final ImportRunner runner;
    private final Redrive redrive;
    private final ImportRuns runs;
    private final SourceObjects objects;
    private final RunReportWriter reports;
    private final BatchIds runIds;
    private final Supplier<JobDriver> drivers;

    /**
     * @param drivers a new job driver per run; one-shot runs always poll GetDICOMImportJob (nothing consumes
     *                the job-event queue for them)
     */
    public OneShotImports(Registrations registrations, DatastoreStores stores, ImportRunner runner, Redrive redrive,
            ImportRuns runs, SourceObjects objects, RunReportWriter reports, BatchIds runIds,
            Supplier<JobDriver> drivers) {
        this.registrations = registrations;
        this.stores = stores;
        this.runner = runner;
        this.redrive = redrive;
        this.runs = runs;
        this.objects = objects;
        this.reports = reports;
        this.runIds = runIds;
        this.drivers = drivers;
    }

    /** Imports everything under {@code sourceUri} (a URI or a registered storage name) into the datastore. */
    public Summary importOnce(String sourceUri, String datastoreName) throws IOException {
        return importOnce(sourceUri, datastoreName, runId -> { });
    }

    /**
     * As {@link #importOnce(String, String)}; {@code started} learns the run's id before any object moves (the
     * command's progress display follows the run by it).
     */
    public Summary importOnce(String sourceUri, String datastoreName, Consumer<String> started) throws IOException {
        DatastoreRegistration datastore = registrations.datastore(datastoreName);
        StorageSelection source = registrations.resolveStorage(sourceUri);
        BlobStore store = stores.source(sourceUri);
        JobDriver driver = drivers.get();
        String runId = "import-" + runIds.get();
        started.accept(runId);
        RunResult result = runner.run(runId, source, store, datastore, driver);
        return new Summary(result, sourceUri, datastoreName, driver.jobsStarted(), reports.write(runs, runId));
    }

    /** Re-drives up to {@code limit} FAILED objects (of {@code storage}, or all when null) into the datastore. */
    public Summary redrive(String datastoreName, String storage, int limit) throws IOException {
        return redrive(datastoreName, storage, limit, runId -> { });
    }

    /** As {@link #redrive(String, String, int)}; {@code started} learns the run's id once the run exists. */
    public Summary redrive(String datastoreName, String storage, int limit, Consumer<String> started)
            throws IOException {
        DatastoreRegistration datastore = registrations.datastore(datastoreName);
        if (!datastore.access().canWrite()) {
            // Checked up front: in the routes a refused start goes to the dead letter and the batch waits for
            // the configuration to change, which a one-shot run would wait for forever.
            throw new AccessModeException("datastore '" + datastore.name() + "' is registered read-only; nothing"
                    + " can be re-driven into it. Set " + datastore.configurationKey()
                    + ".access to read-write or write.");
        }
        JobDriver driver = drivers.get();
        String runId = "redrive-" + runIds.get();
        runs.start(runId, storage == null ? "*" : storage, "", datastore.name());
        started.accept(runId);
        redrive.redrive(runId, storage, limit);
        for (WorkState state : List.of(WorkState.DISCOVERED, WorkState.CLASSIFIED)) {
            runner.take(objects.inState(state, limit).stream().filter(o -> runId.equals(o.runId())).toList());
        }
        driver.drive(runId, datastore, runner::batchLeftovers);
        int pending = runs.pendingCount(runId);
        ImportRun.RunState state = pending == 0 ? ImportRun.RunState.COMPLETED : ImportRun.RunState.ABORTED;
        runs.end(runId, state);
        RunResult result = new RunResult(runId, state, runs.outcomeCounts(runId), pending);
        return new Summary(result, storage == null ? "*" : storage, datastoreName, driver.jobsStarted(),
                reports.write(runs, runId));
    }

    /**
     * Starts a re-drive inside the service (the status page's action): the FAILED objects go back to work under
     * a new run and are taken as far as batching, and the service's own routes stage, start and follow their
     * batches as they do every other. A second driver here would wait for every job of the datastore, the
     * polling runs' too; {@link #endIfDone} ends the run instead, once its objects all have their outcome.
     *
     * @return the run's id
     */
    public String startRedrive(String datastoreName, String storage, int limit) throws IOException {
        DatastoreRegistration datastore = registrations.datastore(datastoreName);
        String runId = "redrive-" + runIds.get();
        runs.start(runId, storage == null ? "*" : storage, "", datastore.name());
        redrive.redrive(runId, storage, limit);
        for (WorkState state : List.of(WorkState.DISCOVERED, WorkState.CLASSIFIED)) {
            runner.take(objects.inState(state, limit).stream().filter(o -> runId.equals(o.runId())).toList());
        }
        return runId;
    }

    /** Ends a run of {@link #startRedrive} once none of its objects is pending: COMPLETED, with its report. */
    public boolean endIfDone(String runId) throws IOException {
        if (runs.pendingCount(runId) > 0) {
            return false;
        }
        if (runs.end(runId, ImportRun.RunState.COMPLETED)) {
            reports.write(runs, runId);
        }
        return true;
    }
}
