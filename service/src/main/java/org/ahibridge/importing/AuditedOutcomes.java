package org.ahibridge.importing;

import java.time.Clock;
import java.util.Optional;

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
 * finished already, by this or another instance), writes exactly one audit record for it.
 */
public final class AuditedOutcomes {

    private final ObjectTransitions transitions;
    private final AuditSink audit;
    private final Clock clock;
    private final AuditCompletion completion;

    /** Outcomes audited without a backlog: a failed audit write only stops the run. */
    public AuditedOutcomes(SourceObjects objects, ObjectTransitions transitions, AuditSink audit, Clock clock) {
        this(objects, transitions, audit, clock, null);
    }

    /**
     * @param backlog keeps the lines a full disk refused, for the next process to write before its own
     *                ({@link AuditCompletion}); null for none
     */
    public AuditedOutcomes(SourceObjects objects, ObjectTransitions transitions, AuditSink audit, Clock clock,
            AuditBacklog backlog) {
        this.transitions = transitions;
        this.audit = audit;
        this.clock = clock;
        this.completion = backlog == null ? null : new AuditCompletion(backlog, objects, audit);
    }

    /**
     * Writes the audit lines an earlier process could not (a full disk), if any; the first audited outcome of
     * this process does it too. Returns how many.
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

    /** Audits what a run reported for an object that had already ended (e.g. ALREADY_IMPORTED). */
    public void reported(String runId, Discovery discovery) {
        if (discovery.reportedOutcome() != null) {
            write(AuditRecord.of(clock.instant(), runId, discovery.object(), discovery.reportedOutcome(),
                    discovery.reportedReason()), discovery.object().id());
        }
    }

    /** Writes the line of a row that just ended (the transition returns it, so it is not read twice). */
    private boolean audited(long objectId, Optional<SourceObject> changed) {
        changed.ifPresent(row -> write(AuditRecord.of(clock.instant(), row.runId(), row, row.outcome(),
                row.outcomeReason()), objectId));
        return changed.isPresent();
    }

    private void write(AuditRecord record, long objectId) {
        if (completion == null) {
            audit.record(record);
        } else {
            completion.write(record, objectId);
        }
    }
}
