package org.ahibridge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A row of {@code import_run}: one import run over a source. */
public record ImportRun(String id, String sourceStorage, String sourcePrefix, String datastore, RunState state,
        Instant startedAt, Instant endedAt) {

    /** RUNNING until every object seen has an outcome; ABORTED when the run itself could not complete. */
    public enum RunState {
        RUNNING,
        COMPLETED,
        ABORTED
    }

    static ImportRun map(ResultSet row, int rowNumber) throws SQLException {
        return new ImportRun(row.getString("run_id"), row.getString("source_storage"), row.getString("source_prefix"),
                row.getString("datastore"), RunState.valueOf(row.getString("run_state")),
                Timestamps.read(row, "started_at"), Timestamps.read(row, "ended_at"));
    }
}
