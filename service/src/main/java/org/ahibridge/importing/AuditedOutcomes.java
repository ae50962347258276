package org.ahibridge.importing;

import java.time.Clock;
import java.util.Map;
import java.util.function.LongFunction;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.audit.AuditSink;
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

    private final SourceObjects objects;
    private final ObjectTransitions transitions;
    private final AuditSink audit;
    private final Clock clock;
    private final LongFunction<Map<String, String>> labels;

    public AuditedOutcomes(SourceObjects objects, ObjectTransitions transitions, AuditSink audit, Clock clock) {
        this(objects, transitions, audit, clock, id -> Map.of());
    }

    /** @param labels the labels of an object id ({@link ObjectLabels#of}), carried into its audit records */
    public AuditedOutcomes(SourceObjects objects, ObjectTransitions transitions, AuditSink audit, Clock clock,
            LongFunction<Map<String, String>> labels) {
        this.labels = labels;
        this.objects = objects;
        this.transitions = transitions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Ends an object as skipped or failed; false when it had already ended. */
    public boolean finish(long objectId, Outcome outcome, String reason) {
        return audited(objectId, transitions.finish(objectId, outcome, reason));
    }

    /** Ends a SUBMITTED object as imported; false when it was not SUBMITTED. */
    public boolean imported(long objectId, Outcome outcome, String imageSetId, Integer imageSetVersion, Boolean isPrimary,
            String reason) {
        return audited(objectId, transitions.imported(objectId, outcome, imageSetId, imageSetVersion, isPrimary, reason));
    }

    /**
     * Audits the outcome of an object a ledger step other than these methods ended (the batch assembler
     * fails a file too large for any import job), so that it too gets its one audit line and message.
     */
    public void recorded(long objectId) {
        audited(objectId, true);
    }

    /** Audits what a run reported for an object that had already ended (e.g. ALREADY_IMPORTED). */
    public void reported(String runId, Discovery discovery) {
        if (discovery.reportedOutcome() != null) {
            audit.record(AuditRecord.of(clock.instant(), runId, discovery.object(), discovery.reportedOutcome(),
                    discovery.reportedReason()).withLabels(labels.apply(discovery.object().id())));
        }
    }

    private boolean audited(long objectId, boolean changed) {
        if (changed) {
            SourceObject row = objects.find(objectId).orElseThrow();
            audit.record(AuditRecord.of(clock.instant(), row.runId(), row, row.outcome(), row.outcomeReason())
                    .withLabels(labels.apply(objectId)));
        }
        return changed;
    }
}
