package org.ahibridge.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A row of {@code source_object}: one source object version and everything known about it. */
public record SourceObject(long id, String storage, String key, String version, long size, Instant lastModified,
        Instant discoveredAt, String runId, String datastore, WorkState state, Verdict verdict, String batchId,
        String stagingKey, String jobId, String imageSetId, Integer imageSetVersion, Boolean isPrimary,
        Outcome outcome, String outcomeReason, int attempts, Instant updatedAt) {

    static SourceObject map(ResultSet row, int rowNumber) throws SQLException {
        Boolean compliant = (Boolean) row.getObject("compliant");
        Verdict verdict = compliant == null ? null : new Verdict(compliant, row.getString("verdict_reason"),
                row.getString("verdict_message"), row.getString("sop_instance_uid"),
                row.getString("study_instance_uid"), row.getString("series_instance_uid"),
                row.getString("transfer_syntax_uid"));
        String outcome = row.getString("outcome");
        Number imageSetVersion = (Number) row.getObject("image_set_version");
        return new SourceObject(row.getLong("object_id"), row.getString("storage"), row.getString("object_key"),
                row.getString("object_version"), row.getLong("size_bytes"), Timestamps.read(row, "last_modified"),
                Timestamps.read(row, "discovered_at"), row.getString("run_id"), row.getString("datastore"),
                WorkState.valueOf(row.getString("work_state")), verdict, row.getString("batch_id"),
                row.getString("staging_key"), row.getString("job_id"), row.getString("image_set_id"),
                imageSetVersion == null ? null : imageSetVersion.intValue(), (Boolean) row.getObject("is_primary"),
                outcome == null ? null : Outcome.valueOf(outcome), row.getString("outcome_reason"),
                row.getInt("attempts"), Timestamps.read(row, "updated_at"));
    }

    /** This row as it is once {@code verdict} was recorded for it (DISCOVERED -> CLASSIFIED), without reading it. */
    public SourceObject classified(Verdict verdict) {
        return new SourceObject(id, storage, key, version, size, lastModified, discoveredAt, runId, datastore,
                WorkState.CLASSIFIED, verdict, batchId, stagingKey, jobId, imageSetId, imageSetVersion, isPrimary,
                outcome, outcomeReason, attempts, updatedAt);
    }

    public boolean isTerminal() {
        return state == WorkState.DONE;
    }
}
