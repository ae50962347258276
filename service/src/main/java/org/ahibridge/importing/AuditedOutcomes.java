package org.ahibridge.importing;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.audit.AuditSink;
import org.ahibridge.ledger.AuditBacklog;
import org.ahibridge.ledger.Discovery;
import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceObjects;

/**
 * Records terminal outcomes in the ledger and, when the ledger accepted the change (the object was not
 * finished already, by this or another instance), writes exactly one audit record for it: in the service,
 * one message on {@code direct:import-outcome}, whose route writes the audit line.
 */
public final class AuditedOutcomes {

    private final SourceObjects objects;
    private final ObjectTransitions transitions;
    private final AuditSink audit;
    private final Clock clock;
    private final LongFunction<Map<String, String>> labels;
    private final AuditCompletion completion;

    /** Outcomes audited without labels or a backlog: a failed audit write only stops the run. */
    public AuditedOutcomes(SourceObjects objects, ObjectTransitions transitions, AuditSink audit, Clock clock) {
        this(objects, transitions, audit, clock, id -> Map.of(), null);
    }

    /** Outcomes audited without labels, with a backlog for the records a full disk refused. */
    public AuditedOutcomes(SourceObjects objects, ObjectTransitions transitions, AuditSink audit, Clock clock,
            AuditBacklog backlog) {
        this(objects, transitions, audit, clock, id -> Map.of(), backlog);
    }

    /**
     * @param labels  the labels of an object id ({@link ObjectLabels#of}), carried into its audit records
     * @param backlog keeps the records a full disk refused, for the next process to write before its own
     *                ({@link AuditCompletion}); null for none
     */
    public AuditedOutcomes(SourceObjects objects, ObjectTransitions transitions, AuditSink audit, Clock clock,
            LongFunction<Map<String, String>> labels, AuditBacklog backlog) {
        this.objects = objects;
        this.transitions = transitions;
        this.audit = audit;
        this.clock = clock;
        this.labels = labels;
        this.completion = backlog == null ? null : new AuditCompletion(backlog, objects, audit, labels);
    }

    /**
     * Writes the audit records an earlier process could not (a full disk), if any; the first audited outcome
     * of this process does it too. Returns how many.
     */
    public int completeAudit() {
        return completion == null ? 0 : completion.completeBacklog();
    }

    /** Ends an object as skipped or failed; false when it had already ended. */
    public boolean finish(long objectId, Outcome outcome, String reason) {
        return audited(objectId, transitions.finishRow(objectId, outcome, reason));
    }

    /** Ends a SUBMITTED object as imported; false when it was not SUBMITTED. */
    public boolean imported(long objectId, Outcome outcome, String imageSetId, Integer imageSetVersion, Boolean isPrimary,
            String reason) {
        return audited(objectId, transitions.importedRow(objectId, outcome, imageSetId, imageSetVersion, isPrimary,
                reason));
    }

    /**
     * Audits the outcome of an object a ledger step other than these methods ended (the batch assembler
     * fails a file too large for any import job), so that it too gets its one audit record and message.
     */
    public void recorded(long objectId) {
        audited(objectId, objects.find(objectId));
    }

    /** Audits what a run reported for an object that had already ended (e.g. ALREADY_IMPORTED). */
    public void reported(String runId, Discovery discovery) {
        if (discovery.reportedOutcome() != null) {
            write(AuditRecord.of(clock.instant(), runId, discovery.object(), discovery.reportedOutcome(),
                    discovery.reportedReason()), discovery.object().id());
        }
    }

    /** Writes the record of a row that just ended (the transition returns it, so it is not read twice). */
    private boolean audited(long objectId, Optional<SourceObject> changed) {
        changed.ifPresent(row -> write(AuditRecord.of(clock.instant(), row.runId(), row, row.outcome(),
                row.outcomeReason()), objectId));
        return changed.isPresent();
    }

    private void write(AuditRecord record, long objectId) {
        AuditRecord labelled = record.withLabels(labels.apply(objectId));
        if (completion == null) {
            audit.record(labelled);
        } else {
            completion.write(labelled, objectId);
        }
    }
}
