package org.ahibridge.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.ahibridge.ledger.NonPrimaryImageSet.TagState;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code non_primary_image_set} table: the reconciliation list of non-primary image sets. Recording
 * an image set is an insert guarded by its primary key, so exactly one caller learns that it is new, even
 * across instances sharing the ledger.
 */
public class NonPrimaryImageSets {

    private final JdbcClient jdbc;
    private final Clock clock;

    public NonPrimaryImageSets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a non-primary image set found in a job's output; for a known one, only its file count is
     * brought up to date. Returns true when this call recorded it.
     */
    public boolean record(NonPrimaryImageSet set) {
        var now = Timestamps.db(clock.instant());
        try {
            jdbc.sql("""
                    insert into non_primary_image_set (datastore, image_set_id, primary_image_set_id,
                        series_instance_uid, run_id, batch_id, job_id, file_count, tag_state, tag_reason,
                        recorded_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(set.datastore(), set.imageSetId(), set.primaryImageSetId(), set.seriesInstanceUid(),
                            set.runId(), set.batchId(), set.jobId(), set.fileCount(), set.tagState().name(),
                            set.tagReason(), now, now)
                    .update();
            return true;
        } catch (DuplicateKeyException known) {
            // Counted from the ledger, not added up: accounting the same job twice must not count twice.
            jdbc.sql("update non_primary_image_set set file_count = (select count(*) from source_object o"
                    + " where o.datastore = ? and o.image_set_id = ?), updated_at = ? where datastore = ? and image_set_id = ?")
                    .params(set.datastore(), set.imageSetId(), now, set.datastore(), set.imageSetId()).update();
            return false;
        }
    }

    /** Records what tagging the image set in AHI ended with. */
    public void tagged(String datastore, String imageSetId, TagState state, String reason) {
        jdbc.sql("update non_primary_image_set set tag_state = ?, tag_reason = ?, updated_at = ?"
                + " where datastore = ? and image_set_id = ?")
                .params(state.name(), reason, Timestamps.db(clock.instant()), datastore, imageSetId).update();
    }

    public Optional<NonPrimaryImageSet> find(String datastore, String imageSetId) {
        return jdbc.sql("select * from non_primary_image_set where datastore = ? and image_set_id = ?")
                .params(datastore, imageSetId).query(NonPrimaryImageSet::map).optional();
    }

    /**
     * The primary image set the ledger knows for a series: one that an earlier (or the same) job reported
     * with {@code isPrimary: true}. Empty when the series' primary set came from elsewhere.
     */
    public Optional<String> primaryOf(String datastore, String seriesInstanceUid) {
        if (seriesInstanceUid == null) {
            return Optional.empty();
        }
        return jdbc.sql("select image_set_id from source_object where datastore = ? and series_instance_uid = ?"
                + " and is_primary = true and image_set_id is not null order by updated_at desc fetch first 1 rows only")
                .params(datastore, seriesInstanceUid).query(String.class).optional();
    }

    /** The non-primary image sets holding files a run reported, in image set order. */
    public List<NonPrimaryImageSet> ofRun(String runId) {
        return jdbc.sql("""
                select n.* from non_primary_image_set n where exists (select 1 from run_outcome r
                    join source_object o on o.object_id = r.object_id
                    where r.run_id = ? and o.datastore = n.datastore and o.image_set_id = n.image_set_id)
                order by n.image_set_id""")
                .param(runId).query(NonPrimaryImageSet::map).list();
    }
}
