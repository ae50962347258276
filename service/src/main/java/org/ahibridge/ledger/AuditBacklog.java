package org.ahibridge.ledger;

import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code audit_backlog} table: outcomes the ledger holds whose audit line could not be written (a full
 * disk), until a later process writes them. Empty while the audit files can be written.
 */
public class AuditBacklog {

    /** An outcome waiting for its audit line, with the time of the original record. */
    public record Entry(String runId, long objectId, Outcome outcome, String reason, Instant recordedAt) {
    }

    private final JdbcClient jdbc;

    public AuditBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps an outcome whose line failed; a second failure of the same line keeps the first entry. */
    public void add(Entry entry) {
        try {
            jdbc.sql("insert into audit_backlog (run_id, object_id, outcome, reason, recorded_at)"
                    + " values (?, ?, ?, ?, ?)")
                    .params(runKey(entry.runId()), entry.objectId(), entry.outcome().name(), entry.reason(),
                            Timestamps.db(entry.recordedAt()))
                    .update();
        } catch (DuplicateKeyException alreadyWaiting) {
            // one entry per line is enough
        }
    }

    /** Up to {@code limit} waiting entries, oldest first. */
    public List<Entry> oldest(int limit) {
        return jdbc.sql("select * from audit_backlog order by recorded_at, object_id fetch first ? rows only")
                .param(limit)
                .query((row, n) -> new Entry(row.getString("run_id").isEmpty() ? null : row.getString("run_id"),
                        row.getLong("object_id"),
                        Outcome.valueOf(row.getString("outcome")), row.getString("reason"),
                        Timestamps.read(row, "recorded_at")))
                .list();
    }

    /** Drops an entry once its line is written. */
    public void remove(Entry entry) {
        jdbc.sql("delete from audit_backlog where run_id = ? and object_id = ? and outcome = ?")
                .params(runKey(entry.runId()), entry.objectId(), entry.outcome().name()).update();
    }

    /** Outcomes outside any run (none today) are kept under the empty run id: the key has no nulls. */
    private static String runKey(String runId) {
        return runId == null ? "" : runId;
    }
}
