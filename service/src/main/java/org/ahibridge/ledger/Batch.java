package org.ahibridge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A row of {@code import_batch}. The client token of its import job is the batch id. */
public record Batch(String id, String datastore, BatchState state, int fileCount, long byteCount,
        String stagingPrefix, String jobId, String clientToken, int attempts, String failureReason,
        Instant openedAt, Instant sealedAt, Instant submittedAt, Instant completedAt) {

    static Batch map(ResultSet row, int rowNumber) throws SQLException {
        return new Batch(row.getString("batch_id"), row.getString("datastore"),
                BatchState.valueOf(row.getString("batch_state")), row.getInt("file_count"), row.getLong("byte_count"),
                row.getString("staging_prefix"), row.getString("job_id"), row.getString("client_token"),
                row.getInt("attempts"), row.getString("failure_reason"), Timestamps.read(row, "opened_at"),
                Timestamps.read(row, "sealed_at"), Timestamps.read(row, "submitted_at"),
                Timestamps.read(row, "completed_at"));
    }
}
