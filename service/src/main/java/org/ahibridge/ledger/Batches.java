package org.ahibridge.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code import_batch} table. Capacity is reserved with one conditional update that checks the
 * limits in the database, so concurrent adders (threads or instances) can never push a batch over its
 * file count or byte size; every state change names the state it expects.
 */
public class Batches {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Batches(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Batch> find(String batchId) {
        return jdbc.sql("select * from import_batch where batch_id = ?").param(batchId).query(Batch::map).optional();
    }

    /** The open batch of a datastore, if there is one (there is never more than one). */
    public Optional<Batch> findOpen(String datastore) {
        return jdbc.sql("select * from import_batch where open_slot = ?").param(datastore).query(Batch::map).optional();
    }

    /** The datastores whose open batch holds files (the groups in progress of the routes' aggregate). */
    public Set<String> datastoresWithOpenFiles() {
        return new LinkedHashSet<>(jdbc.sql("select datastore from import_batch where open_slot is not null"
                + " and file_count > 0 order by datastore").query(String.class).list());
    }

    /** Opens a batch; false when another batch of the datastore is already open. */
    public boolean open(String batchId, String datastore) {
        OffsetDateTime now = now();
        try {
            return jdbc.sql("""
                    insert into import_batch (batch_id, datastore, batch_state, open_slot, file_count, byte_count,
                        client_token, attempts, opened_at, updated_at)
                    values (?, ?, 'OPEN', ?, 0, 0, ?, 0, ?, ?)""")
                    .params(batchId, datastore, datastore, batchId, now, now).update() == 1;
        } catch (DuplicateKeyException anotherIsOpen) {
            return false;
        }
    }

    /** Adds one file of {@code bytes} to an open batch if it stays within both limits. */
    public boolean reserve(String batchId, long bytes, int maxFiles, long maxBytes) {
        return jdbc.sql("""
                update import_batch set file_count = file_count + 1, byte_count = byte_count + ?, updated_at = ?
                where batch_id = ? and batch_state = 'OPEN' and file_count + 1 <= ? and byte_count + ? <= ?""")
                .params(bytes, now(), batchId, maxFiles, bytes, maxBytes).update() == 1;
    }

    /** Adds {@code files} files of {@code bytes} bytes together, if the batch stays within both limits. */
    public boolean reserve(String batchId, int files, long bytes, int maxFiles, long maxBytes) {
        return jdbc.sql("""
                update import_batch set file_count = file_count + ?, byte_count = byte_count + ?, updated_at = ?
                where batch_id = ? and batch_state = 'OPEN' and file_count + ? <= ? and byte_count + ? <= ?""")
                .params(files, bytes, now(), batchId, files, maxFiles, bytes, maxBytes).update() == 1;
    }

    /**
     * Gives back room reserved for files that went elsewhere, in the transaction that reserved it (so nothing else
     * saw the batch at the higher count).
     */
    public void unreserve(String batchId, int files, long bytes) {
        jdbc.sql("update import_batch set file_count = file_count - ?, byte_count = byte_count - ?, updated_at = ?"
                + " where batch_id = ?").params(files, bytes, now(), batchId).update();
    }

    /** OPEN -> SEALED: the batch takes no more files. */
    public boolean seal(String batchId) {
        return jdbc.sql("update import_batch set batch_state = 'SEALED', open_slot = null, sealed_at = ?, updated_at = ?"
                + " where batch_id = ? and batch_state = 'OPEN'").params(now(), now(), batchId).update() == 1;
    }

    /**
     * OPEN -> SEALED if the batch holds {@code maxFiles} files or {@code maxBytes} bytes (it takes no further file);
     * one statement where a read and a seal would take two.
     */
    public boolean sealIfFull(String batchId, int maxFiles, long maxBytes) {
        return jdbc.sql("update import_batch set batch_state = 'SEALED', open_slot = null, sealed_at = ?, updated_at = ?"
                + " where batch_id = ? and batch_state = 'OPEN' and (file_count >= ? or byte_count >= ?)")
                .params(now(), now(), batchId, maxFiles, maxBytes).update() == 1;
    }

    /** Seals every non-empty open batch opened before {@code openedBefore}; returns how many. */
    public int sealOpenedBefore(Instant openedBefore) {
        return jdbc.sql("update import_batch set batch_state = 'SEALED', open_slot = null, sealed_at = ?, updated_at = ?"
                + " where batch_state = 'OPEN' and file_count > 0 and opened_at < ?")
                .params(now(), now(), Timestamps.db(openedBefore)).update();
    }

    /** SEALED -> STAGED once every file was copied under {@code stagingPrefix}. */
    public boolean staged(String batchId, String stagingPrefix) {
        return jdbc.sql("update import_batch set batch_state = 'STAGED', staging_prefix = ?, updated_at = ?"
                + " where batch_id = ? and batch_state = 'SEALED'").params(stagingPrefix, now(), batchId).update() == 1;
    }

    /** STAGED -> SUBMITTED with the import job id. */
    public boolean submitted(String batchId, String jobId) {
        return jdbc.sql("update import_batch set batch_state = 'SUBMITTED', job_id = ?, attempts = attempts + 1,"
                + " submitted_at = ?, updated_at = ? where batch_id = ? and batch_state = 'STAGED'")
                .params(jobId, now(), now(), batchId).update() == 1;
    }

    /** SUBMITTED -> COMPLETED or FAILED after the job's output was accounted for. */
    public boolean finished(String batchId, BatchState state, String failureReason) {
        if (state != BatchState.COMPLETED && state != BatchState.FAILED) {
            throw new IllegalArgumentException(state + " is not an end state");
        }
        return jdbc.sql("update import_batch set batch_state = ?, failure_reason = ?, completed_at = ?, updated_at = ?"
                + " where batch_id = ? and batch_state = 'SUBMITTED'")
                .params(state.name(), failureReason, now(), now(), batchId).update() == 1;
    }

    /** SEALED -> FAILED when not one file of the batch could be staged, so there is no job to start. */
    public boolean abandon(String batchId, String reason) {
        return jdbc.sql("update import_batch set batch_state = 'FAILED', failure_reason = ?, completed_at = ?,"
                + " updated_at = ? where batch_id = ? and batch_state = 'SEALED'")
                .params(reason, now(), now(), batchId).update() == 1;
    }

    /**
     * SEALED, STAGED or SUBMITTED -> FAILED when the batch's job cannot run at all (AHI rejected its start, or
     * its starts were throttled beyond the retry budget); false when the batch had already ended.
     */
    public boolean fail(String batchId, String reason) {
        return jdbc.sql("update import_batch set batch_state = 'FAILED', failure_reason = ?, completed_at = ?,"
                + " updated_at = ? where batch_id = ? and batch_state in ('SEALED', 'STAGED', 'SUBMITTED')")
                .params(reason, now(), now(), batchId).update() == 1;
    }

    public List<Batch> inState(BatchState state) {
        return jdbc.sql("select * from import_batch where batch_state = ? order by opened_at")
                .param(state.name()).query(Batch::map).list();
    }

    /** The batches of a datastore in any of {@code states}, oldest first (one message each in import-advance). */
    public List<Batch> ofDatastore(String datastore, BatchState... states) {
        List<String> names = Arrays.stream(states).map(BatchState::name).toList();
        if (names.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(names);
        params.add(0, datastore);
        return jdbc.sql("select * from import_batch where datastore = ? and batch_state in ("
                + String.join(", ", Collections.nCopies(names.size(), "?")) + ") order by opened_at, batch_id")
                .params(params).query(Batch::map).list();
    }

    /** Batches that ever had an import job started, of every datastore (a one-shot run counts its jobs by it). */
    public int countWithJobs() {
        return jdbc.sql("select count(*) from import_batch where job_id is not null").query(Integer.class).single();
    }

    /** Import jobs of a datastore that are running (SUBMITTED): the input of the concurrency cap. */
    public int countSubmitted(String datastore) {
        return jdbc.sql("select count(*) from import_batch where datastore = ? and batch_state = 'SUBMITTED'")
                .param(datastore).query(Integer.class).single();
    }

    private OffsetDateTime now() {
        return Timestamps.db(clock.instant());
    }
}
