package org.ahibridge.status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ahibridge.status.StatusViews.BatchView;
import org.ahibridge.status.StatusViews.FailurePage;
import org.ahibridge.status.StatusViews.FailureView;
import org.ahibridge.status.StatusViews.Links;
import org.ahibridge.status.StatusViews.RunPage;
import org.ahibridge.status.StatusViews.RunView;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger as the status page reads it. Every statement is bounded: a page of runs (and the counts of those
 * runs only), the newest unfinished batches, the newest failures over the {@code (outcome, recorded_at)} index,
 * a run's failures by keyset after an object id. Nothing here grows with the ledger's size but the counts of the
 * runs on the page.
 */
public final class StatusQueries {

    /** The batch states of work in flight. */
    static final List<String> UNFINISHED = List.of("OPEN", "SEALED", "STAGED", "SUBMITTED");
    static final int BATCHES_SHOWN = 50;

    private final JdbcClient jdbc;

    public StatusQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Page {@code page} (from 0) of the runs, newest first, with their counts. */
    public RunPage runs(int page, int perPage) {
        List<RunRow> rows = jdbc.sql("select * from import_run order by started_at desc, run_id desc"
                + " offset ? rows fetch first ? rows only")
                .params((long) page * perPage, perPage + 1).query(StatusQueries::runRow).list();
        boolean more = rows.size() > perPage;
        List<RunRow> shown = more ? rows.subList(0, perPage) : rows;
        return new RunPage(page, perPage, more, withCounts(shown));
    }

    public Optional<RunView> run(String runId) {
        return jdbc.sql("select * from import_run where run_id = ?").param(runId).query(StatusQueries::runRow)
                .optional().map(row -> withCounts(List.of(row)).get(0));
    }

    /** The unfinished batches, oldest first, at most {@value #BATCHES_SHOWN}. */
    public List<BatchView> batchesInFlight() {
        return jdbc.sql("select * from import_batch where batch_state in ('OPEN', 'SEALED', 'STAGED', 'SUBMITTED')"
                + " order by opened_at fetch first " + BATCHES_SHOWN + " rows only")
                .query((row, n) -> new BatchView(row.getString("batch_id"), row.getString("datastore"),
                        row.getString("batch_state"), row.getInt("file_count"), row.getLong("byte_count"),
                        row.getString("job_id"), row.getInt("attempts"), instant(row, "opened_at"),
                        instant(row, "submitted_at")))
                .list();
    }

    /** How many unfinished batches there are by state (SUBMITTED: import jobs in flight). */
    public Map<String, Integer> batchCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        UNFINISHED.forEach(state -> counts.put(state, 0));
        jdbc.sql("select batch_state, count(*) as n from import_batch"
                + " where batch_state in ('OPEN', 'SEALED', 'STAGED', 'SUBMITTED') group by batch_state")
                .query((row, n) -> counts.put(row.getString("batch_state"), row.getInt("n"))).list();
        return counts;
    }

    /** The newest FAILED outcomes of all runs. */
    public List<FailureView> latestFailures(int limit) {
        return jdbc.sql("select r.run_id, r.object_id, r.reason, r.recorded_at, o.storage, o.object_key"
                + " from run_outcome r join source_object o on o.object_id = r.object_id"
                + " where r.outcome = 'FAILED' order by r.recorded_at desc, r.object_id desc"
                + " fetch first ? rows only")
                .param(limit).query(StatusQueries::failure).list();
    }

    /** A run's FAILED outcomes after object {@code after} (-1: from the first), in discovery order. */
    public FailurePage failures(String runId, long after, int limit) {
        List<FailureView> rows = jdbc.sql("select r.run_id, r.object_id, r.reason, r.recorded_at, o.storage,"
                + " o.object_key from run_outcome r join source_object o on o.object_id = r.object_id"
                + " where r.run_id = ? and r.outcome = 'FAILED' and r.object_id > ? order by r.object_id"
                + " fetch first ? rows only")
                .params(runId, after, limit + 1).query(StatusQueries::failure).list();
        boolean more = rows.size() > limit;
        List<FailureView> shown = more ? rows.subList(0, limit) : rows;
        return new FailurePage(runId, List.copyOf(shown), more ? shown.get(shown.size() - 1).objectId() : null);
    }

    private record RunRow(String runId, String source, String datastore, String state, Instant startedAt,
            Instant endedAt) {
    }

    private static RunRow runRow(ResultSet row, int n) throws SQLException {
        String prefix = row.getString("source_prefix");
        return new RunRow(row.getString("run_id"), row.getString("source_storage")
                + (prefix == null || prefix.isEmpty() ? "" : " " + prefix), row.getString("datastore"),
                row.getString("run_state"), instant(row, "started_at"), instant(row, "ended_at"));
    }

    /** The outcome counts of the runs, and the work-state counts of those still RUNNING: two grouped queries. */
    private List<RunView> withCounts(List<RunRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Integer>> outcomes = grouped("select run_id, outcome as name, count(*) as n"
                + " from run_outcome where run_id in (%s) group by run_id, outcome",
                rows.stream().map(RunRow::runId).toList());
        List<String> running = rows.stream().filter(r -> "RUNNING".equals(r.state())).map(RunRow::runId).toList();
        Map<String, Map<String, Integer>> inWork = running.isEmpty() ? Map.of()
                : grouped("select run_id, work_state as name, count(*) as n from source_object"
                        + " where run_id in (%s) and work_state <> 'DONE' group by run_id, work_state", running);
        List<RunView> views = new ArrayList<>(rows.size());
        for (RunRow row : rows) {
            Map<String, Integer> counts = outcomes.getOrDefault(row.runId(), Map.of());
            Map<String, Integer> work = inWork.getOrDefault(row.runId(), Map.of());
            views.add(new RunView(row.runId(), row.source(), row.datastore(), row.state(), row.startedAt(),
                    row.endedAt(), sum(counts), Collections.unmodifiableMap(counts), sum(work),
                    Collections.unmodifiableMap(work), Links.of(row.runId())));
        }
        return views;
    }

    private Map<String, Map<String, Integer>> grouped(String sql, List<String> runIds) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        jdbc.sql(sql.formatted(String.join(", ", Collections.nCopies(runIds.size(), "?"))))
                .params(List.copyOf(runIds))
                .query((row, n) -> counts.computeIfAbsent(row.getString("run_id"), k -> new TreeMap<>())
                        .put(row.getString("name"), row.getInt("n")))
                .list();
        return counts;
    }

    private static long sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToLong(Integer::longValue).sum();
    }

    private static FailureView failure(ResultSet row, int n) throws SQLException {
        return new FailureView(row.getString("run_id"), row.getLong("object_id"), row.getString("storage"),
                row.getString("object_key"), row.getString("reason"), instant(row, "recorded_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
