package org.ahibridge.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * State changes of source objects ({@link WorkState}). Each one is a conditional update that names
 * the state it expects, and answers whether it happened: when two instances race for the same object,
 * exactly one wins and the other sees {@code false} and moves on.
 */
public class ObjectTransitions {

    /**
     * Objects per verdict statement. Each row's CASEs test the ids one by one, so the cost of a statement grows with
     * the square of its size: 250 made the CASEs H2's top frame in the profile; 50 costs 5 statements a page.
     */
    static final int CLASSIFY_CHUNK = 50;

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

    /**
     * DISCOVERED -> CLASSIFIED for many objects at once (a listing page's verdicts): per chunk, one transaction that
     * locks the rows still DISCOVERED and gives each its verdict in one statement, instead of a statement and a
     * commit per object. Returns the ids that changed here: like {@link #classify}, an object another worker
     * ended or classified meanwhile is left alone.
     */
    public Set<Long> classifyAll(Map<Long, Verdict> verdicts) {
        Set<Long> changed = new HashSet<>();
        List<Long> ids = List.copyOf(verdicts.keySet());
        for (int from = 0; from < ids.size(); from += CLASSIFY_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CLASSIFY_CHUNK));
            changed.addAll(transactions.execute(status -> {
                List<Long> open = jdbc.sql("select object_id from source_object where object_id in ("
                        + SourceObjects.placeholders(chunk.size(), "?") + ") and work_state = 'DISCOVERED' for update")
                        .params(chunk).query(Long.class).list();
                if (!open.isEmpty()) {
                    classifyLocked(open, verdicts);
                }
                return open;
            }));
        }
        return changed;
    }

    /** The verdict columns of rows this transaction holds, each set by a CASE on the object id. */
    private void classifyLocked(List<Long> ids, Map<Long, Verdict> verdicts) {
        List<java.util.function.Function<Verdict, Object>> columns = List.of(Verdict::compliant, Verdict::reason,
                Verdict::message, Verdict::sopInstanceUid, Verdict::studyInstanceUid, Verdict::seriesInstanceUid,
                Verdict::transferSyntaxUid);
        List<String> names = List.of("compliant", "verdict_reason", "verdict_message", "sop_instance_uid",
                "study_instance_uid", "series_instance_uid", "transfer_syntax_uid");
        StringBuilder sql = new StringBuilder("update source_object set work_state = 'CLASSIFIED'");
        List<Object> params = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            sql.append(", ").append(names.get(c)).append(" = case object_id");
            for (Long id : ids) {
                sql.append(" when ? then ?");
                params.add(id);
                params.add(columns.get(c).apply(verdicts.get(id)));
            }
            sql.append(" end");
        }
        sql.append(", updated_at = ? where object_id in (").append(SourceObjects.placeholders(ids.size(), "?"))
                .append(") and work_state = 'DISCOVERED'");
        params.add(now());
        params.addAll(ids);
        jdbc.sql(sql.toString()).params(params).update();
    }

    /**
     * CLASSIFIED -> BATCHED for many objects in one statement, inside the batch assembler's transaction; returns how
     * many changed (fewer when another worker batched some first).
     */
    public int assignBatchAll(List<Long> ids, String batchId) {
        List<Object> params = new ArrayList<>(List.of(batchId, now()));
        params.addAll(ids);
        return jdbc.sql("update source_object set work_state = 'BATCHED', batch_id = ?, updated_at = ? where object_id in ("
                + SourceObjects.placeholders(ids.size(), "?") + ") and work_state = 'CLASSIFIED'").params(params).update();
    }

    /** Which of {@code ids} are in the batch (after {@link #assignBatchAll} changed fewer than it was given). */
    public Set<Long> inBatch(String batchId, List<Long> ids) {
        List<Object> params = new ArrayList<>(List.of(batchId));
        params.addAll(ids);
        return new HashSet<>(jdbc.sql("select object_id from source_object where batch_id = ? and object_id in ("
                + SourceObjects.placeholders(ids.size(), "?") + ")").params(params).query(Long.class).list());
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

    /**
     * BATCHED -> STAGED for many objects in one statement (a staging pass records its copies in groups, not
     * one round trip each); each row still changes only if it is BATCHED. Returns how many changed.
     *
     * @param stagingKeys the staging key of each object id; at most a few hundred per call
     */
    public int stagedAll(Map<Long, String> stagingKeys) {
        if (stagingKeys.isEmpty()) {
            return 0;
        }
        StringBuilder cases = new StringBuilder();
        StringBuilder ids = new StringBuilder();
        List<Object> params = new ArrayList<>();
        List<Object> idParams = new ArrayList<>();
        stagingKeys.forEach((id, key) -> {
            cases.append(" when ? then ?");
            params.add(id);
            params.add(key);
            ids.append(ids.isEmpty() ? "?" : ", ?");
            idParams.add(id);
        });
        params.add(now());
        params.addAll(idParams);
        return jdbc.sql("update source_object set work_state = 'STAGED', staging_key = case object_id" + cases
                + " end, updated_at = ? where work_state = 'BATCHED' and object_id in (" + ids + ")")
                .params(params).update();
    }

    /** STAGED -> SUBMITTED for every object of a batch whose import job started; returns the count. */
    public int submitted(String batchId, String jobId) {
        return jdbc.sql("update source_object set work_state = 'SUBMITTED', job_id = ?, updated_at = ?"
                + " where batch_id = ? and work_state = 'STAGED'").params(jobId, now(), batchId).update();
    }

    /** SUBMITTED -> DONE as imported, with the image set AHI put the instance in. */
    public boolean imported(long id, Outcome outcome, String imageSetId, Integer imageSetVersion, Boolean isPrimary,
            String reason) {
        return importedRow(id, outcome, imageSetId, imageSetVersion, isPrimary, reason).isPresent();
    }

    /**
     * Like {@link #imported}, returning the row as it is now when it changed (empty when it was not SUBMITTED): the
     * caller that audits the outcome needs the row, and reading it once here saves a second round trip.
     */
    public Optional<SourceObject> importedRow(long id, Outcome outcome, String imageSetId, Integer imageSetVersion,
            Boolean isPrimary, String reason) {
        if (!outcome.isImported()) {
            throw new IllegalArgumentException(outcome + " is not an import outcome");
        }
        return transactions.execute(status -> {
            boolean done = jdbc.sql("""
                    update source_object set work_state = 'DONE', outcome = ?, outcome_reason = ?, image_set_id = ?,
                        image_set_version = ?, is_primary = ?, updated_at = ?
                    where object_id = ? and work_state = 'SUBMITTED'""")
                    .params(outcome.name(), reason, imageSetId, imageSetVersion, isPrimary, now(), id).update() == 1;
            return reportToRun(done, id, outcome, reason);
        });
    }

    /** Any unfinished state -> DONE with a skip or failure outcome and its reason. */
    public boolean finish(long id, Outcome outcome, String reason) {
        return finishRow(id, outcome, reason).isPresent();
    }

    /** Like {@link #finish}, returning the row as it is now when it changed (empty when it had ended already). */
    public Optional<SourceObject> finishRow(long id, Outcome outcome, String reason) {
        if (outcome.isImported() || outcome == Outcome.ALREADY_IMPORTED) {
            throw new IllegalArgumentException(outcome + " is recorded by imported() or discover()");
        }
        return transactions.execute(status -> {
            boolean done = jdbc.sql("update source_object set work_state = 'DONE', outcome = ?, outcome_reason = ?,"
                    + " updated_at = ? where object_id = ? and work_state <> 'DONE'")
                    .params(outcome.name(), reason, now(), id).update() == 1;
            return reportToRun(done, id, outcome, reason);
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

    private Optional<SourceObject> reportToRun(boolean done, long id, Outcome outcome, String reason) {
        if (!done) {
            return Optional.empty();
        }
        Optional<SourceObject> row = objects.find(id);
        row.ifPresent(r -> objects.recordRunOutcome(r.runId(), id, outcome, reason));
        return row;
    }

    private java.time.OffsetDateTime now() {
        return Timestamps.db(clock.instant());
    }
}
