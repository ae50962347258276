package org.ahibridge.ledger;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * State changes of source objects ({@link WorkState}). Each one is a conditional update that names
 * the state it expects, and answers whether it happened: when two instances race for the same object,
 * exactly one wins and the other sees {@code false} and moves on.
 */
public class ObjectTransitions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionOperations transactions;
    private final SourceObjects objects;

    public ObjectTransitions(JdbcClient jdbc, Clock clock, TransactionOperations transactions, SourceObjects objects) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.objects = objects;
    }

    /** DISCOVERED -> CLASSIFIED with the P10 verdict. */
    public boolean classify(long id, Verdict verdict) {
        return jdbc.sql("""
                update source_object set work_state = 'CLASSIFIED', compliant = ?, verdict_reason = ?,
                    verdict_message = ?, sop_instance_uid = ?, study_instance_uid = ?, series_instance_uid = ?,
                    transfer_syntax_uid = ?, updated_at = ?
                where object_id = ? and work_state = 'DISCOVERED'""")
                .params(verdict.compliant(), verdict.reason(), verdict.message(), verdict.sopInstanceUid(),
                        verdict.studyInstanceUid(), verdict.seriesInstanceUid(), verdict.transferSyntaxUid(),
                        now(), id)
                .update() == 1;
    }

    /** CLASSIFIED -> BATCHED; called inside the batch assembler's transaction. */
    public boolean assignBatch(long id, String batchId) {
        return jdbc.sql("update source_object set work_state = 'BATCHED', batch_id = ?, updated_at = ?"
                + " where object_id = ? and work_state = 'CLASSIFIED'").params(batchId, now(), id).update() == 1;
    }

    /** BATCHED -> STAGED once the object was copied to its staging key. */
    public boolean staged(long id, String stagingKey) {
        return jdbc.sql("update source_object set work_state = 'STAGED', staging_key = ?, updated_at = ?"
                + " where object_id = ? and work_state = 'BATCHED'").params(stagingKey, now(), id).update() == 1;
    }

    /** STAGED -> SUBMITTED for every object of a batch whose import job started; returns the count. */
    public int submitted(String batchId, String jobId) {
        return jdbc.sql("update source_object set work_state = 'SUBMITTED', job_id = ?, updated_at = ?"
                + " where batch_id = ? and work_state = 'STAGED'").params(jobId, now(), batchId).update();
    }

    /** SUBMITTED -> DONE as imported, with the image set AHI put the instance in. */
    public boolean imported(long id, Outcome outcome, String imageSetId, Integer imageSetVersion, Boolean isPrimary,
            String reason) {
        if (!outcome.isImported()) {
            throw new IllegalArgumentException(outcome + " is not an import outcome");
        }
        return transactions.execute(status -> {
            boolean done = jdbc.sql("""
                    update source_object set work_state = 'DONE', outcome = ?, outcome_reason = ?, image_set_id = ?,
                        image_set_version = ?, is_primary = ?, updated_at = ?
                    where object_id = ? and work_state = 'SUBMITTED'""")
                    .params(outcome.name(), reason, imageSetId, imageSetVersion, isPrimary, now(), id).update() == 1;
            reportToRun(done, id, outcome, reason);
            return done;
        });
    }

    /** Any unfinished state -> DONE with a skip or failure outcome and its reason. */
    public boolean finish(long id, Outcome outcome, String reason) {
        if (outcome.isImported() || outcome == Outcome.ALREADY_IMPORTED) {
            throw new IllegalArgumentException(outcome + " is recorded by imported() or discover()");
        }
        return transactions.execute(status -> {
            boolean done = jdbc.sql("update source_object set work_state = 'DONE', outcome = ?, outcome_reason = ?,"
                    + " updated_at = ? where object_id = ? and work_state <> 'DONE'")
                    .params(outcome.name(), reason, now(), id).update() == 1;
            reportToRun(done, id, outcome, reason);
            return done;
        });
    }

    /**
     * BATCHED, STAGED or SUBMITTED -> CLASSIFIED after a server-side error, so the object joins a new
     * batch; counts the attempt and keeps the last error as the reason.
     */
    public boolean retry(long id, String reason) {
        return jdbc.sql("""
                update source_object set work_state = 'CLASSIFIED', batch_id = null, staging_key = null, job_id = null,
                    attempts = attempts + 1, outcome_reason = ?, updated_at = ?
                where object_id = ? and work_state in ('BATCHED', 'STAGED', 'SUBMITTED')""")
                .params(reason, now(), id).update() == 1;
    }

    /** FAILED -> back to work for a re-drive run: CLASSIFIED when it was compliant, else DISCOVERED. */
    public boolean redrive(long id, String runId) {
        return jdbc.sql("""
                update source_object set work_state = case when compliant = true then 'CLASSIFIED' else 'DISCOVERED' end,
                    outcome = null, batch_id = null, staging_key = null, job_id = null, run_id = ?, attempts = 0,
                    updated_at = ?
                where object_id = ? and work_state = 'DONE' and outcome = 'FAILED'""")
                .params(runId, now(), id).update() == 1;
    }

    private void reportToRun(boolean done, long id, Outcome outcome, String reason) {
        if (done) {
            objects.find(id).ifPresent(row -> objects.recordRunOutcome(row.runId(), id, outcome, reason));
        }
    }

    private java.time.OffsetDateTime now() {
        return Timestamps.db(clock.instant());
    }
}
