package org.ahibridge.ledger;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code import_run} table and the per-run outcome queries behind the run report: counts per
 * outcome and one row per file (the run's outcome joined with the object's ledger row).
 */
public class ImportRuns {

    static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    public ImportRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public ImportRun start(String runId, String sourceStorage, String sourcePrefix, String datastore) {
        jdbc.sql("insert into import_run (run_id, source_storage, source_prefix, datastore, run_state, started_at)"
                + " values (?, ?, ?, ?, 'RUNNING', ?)")
                .params(runId, sourceStorage, sourcePrefix, datastore, Timestamps.db(clock.instant())).update();
        return find(runId).orElseThrow();
    }

    public boolean end(String runId, ImportRun.RunState state) {
        return jdbc.sql("update import_run set run_state = ?, ended_at = ? where run_id = ? and run_state = 'RUNNING'")
                .params(state.name(), Timestamps.db(clock.instant()), runId).update() == 1;
    }

    public Optional<ImportRun> find(String runId) {
        return jdbc.sql("select * from import_run where run_id = ?").param(runId).query(ImportRun::map).optional();
    }

    /** How many objects the run reported per outcome (outcomes with no object are absent). */
    public Map<Outcome, Integer> outcomeCounts(String runId) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        jdbc.sql("select outcome, count(*) as n from run_outcome where run_id = ? group by outcome").param(runId)
                .query((row, n) -> counts.put(Outcome.valueOf(row.getString("outcome")), row.getInt("n"))).list();
        return counts;
    }

    /** Objects the run saw that have no outcome for it yet. */
    public int pendingCount(String runId) {
        return jdbc.sql("select count(*) from source_object o where o.run_id = ? and not exists"
                + " (select 1 from run_outcome r where r.run_id = ? and r.object_id = o.object_id)")
                .params(runId, runId).query(Integer.class).single();
    }

    /**
     * Where the run stands, in one statement of three grouped counts (its objects at work by state, its
     * outcomes, its datastore's unfinished batches), each over an index: cheap enough to repeat every second
     * while the run goes on. Absent when there is no such run.
     */
    public Optional<RunProgress> progress(String runId) {
        Map<WorkState, Integer> inWork = new EnumMap<>(WorkState.class);
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<BatchState, Integer> batches = new EnumMap<>(BatchState.class);
        boolean[] found = {false};
        jdbc.sql("""
                select 'run' as kind, run_state as name, 1 as n from import_run where run_id = ?
                union all
                select 'state', work_state, count(*) from source_object
                    where run_id = ? and work_state <> 'DONE' group by work_state
                union all
                select 'outcome', outcome, count(*) from run_outcome where run_id = ? group by outcome
                union all
                select 'batch', batch_state, count(*) from import_batch
                    where datastore = (select datastore from import_run where run_id = ?)
                    and batch_state in ('OPEN', 'SEALED', 'STAGED', 'SUBMITTED') group by batch_state""")
                .params(runId, runId, runId, runId)
                .query((row, n) -> {
                    String name = row.getString("name");
                    int count = row.getInt("n");
                    switch (row.getString("kind")) {
                        case "run" -> found[0] = true;
                        case "state" -> inWork.put(WorkState.valueOf(name), count);
                        case "outcome" -> outcomes.put(Outcome.valueOf(name), count);
                        default -> batches.put(BatchState.valueOf(name), count);
                    }
                    return name;
                }).list();
        return found[0] ? Optional.of(new RunProgress(runId, inWork, outcomes, batches)) : Optional.empty();
    }

    /** One row per file the run reported, in discovery order: the run's outcome and the object's ledger row. */
    public List<RunFile> files(String runId) {
        List<RunFile> files = new java.util.ArrayList<>();
        forEachFile(runId, files::add);
        return files;
    }

    /**
     * Streams the run's files in discovery order, a page of {@value #PAGE} rows at a time, so a report
     * over millions of files needs no more memory than one page.
     */
    public void forEachFile(String runId, java.util.function.Consumer<RunFile> action) {
        long after = -1;
        List<RunFile> page;
        do {
            // The page is cut from run_outcome's primary key (run_id, object_id), in its order, before the join:
            // H2 joined and sorted every remaining row for each page otherwise (4-7 s a page in a 100,000-file
            // run, so the report took minutes and grew with the square of the files; now about 50 ms a page).
            page = jdbc.sql("select r.outcome as run_outcome, r.reason as run_reason, o.* from (select * from"
                    + " run_outcome where run_id = ? and object_id > ? order by run_id, object_id fetch first " + PAGE
                    + " rows only) r"
                    + " join source_object o on o.object_id = r.object_id order by r.object_id")
                    .params(runId, after)
                    .query((row, n) -> new RunFile(Outcome.valueOf(row.getString("run_outcome")),
                            row.getString("run_reason"), SourceObject.map(row, n)))
                    .list();
            page.forEach(action);
            after = page.isEmpty() ? after : page.get(page.size() - 1).object().id();
        } while (page.size() == PAGE);
    }

    /** A file of a run: what the run reported and the object's ledger row. */
    public record RunFile(Outcome outcome, String reason, SourceObject object) {
    }
}
