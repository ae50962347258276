package org.ahibridge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A row of {@code non_primary_image_set}: an image set AHI made non-primary, the series' primary image set
 * when the ledger knows it, where it came from, and what became of tagging it.
 */
public record NonPrimaryImageSet(String datastore, String imageSetId, String primaryImageSetId,
        String seriesInstanceUid, String runId, String batchId, String jobId, int fileCount, TagState tagState,
        String tagReason, Instant recordedAt) {

    /** Tagging of the image set in AHI (policy {@code tag}). */
    public enum TagState {
        /** The policy does not tag. */
        NOT_REQUESTED,
        /** Recorded, tag not written yet (or the process stopped before it was). */
        PENDING,
        TAGGED,
        FAILED
    }

    static NonPrimaryImageSet map(ResultSet row, int rowNumber) throws SQLException {
        return new NonPrimaryImageSet(row.getString("datastore"), row.getString("image_set_id"),
                row.getString("primary_image_set_id"), row.getString("series_instance_uid"), row.getString("run_id"),
                row.getString("batch_id"), row.getString("job_id"), row.getInt("file_count"),
                TagState.valueOf(row.getString("tag_state")), row.getString("tag_reason"),
                Timestamps.read(row, "recorded_at"));
    }
}
