package org.ahibridge.importing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.Verdict;

/**
 * The filter step after classification (docs/design.md §1 step 3): the classifier's verdict is recorded as
 * file metadata in the ledger, and non-compliant files end SKIPPED_NOT_P10 with the classifier's reason (the
 * rules are the routes': {@link ObjectReader}, {@link RuleSkips}). {@link #tags} gives the verdict as S3
 * object tags for stores that support them.
 */
public final class VerdictRecorder {

    /** What happens next to a file. */
    public enum Next {
        /** Compliant and allowed: add it to a batch. */
        BATCH,
        /** Ended SKIPPED_NOT_P10 or SKIPPED_BY_RULE. */
        SKIPPED,
        /** Another worker already handled it. */
        ALREADY_HANDLED
    }

    private final ObjectTransitions transitions;
    private final AuditedOutcomes outcomes;

    public VerdictRecorder(ObjectTransitions transitions, AuditedOutcomes outcomes) {
        this.transitions = transitions;
        this.outcomes = outcomes;
    }

    /** Records the classifier's verdict for a DISCOVERED object. */
    public Next record(long objectId, Verdict verdict) {
        if (!transitions.classify(objectId, verdict)) {
            return Next.ALREADY_HANDLED;
        }
        if (verdict.compliant()) {
            return Next.BATCH;
        }
        String reason = (verdict.reason() == null ? "" : verdict.reason() + ": ")
                + (verdict.message() == null ? "not a DICOM Part 10 file" : verdict.message());
        return outcomes.finish(objectId, Outcome.SKIPPED_NOT_P10, reason) ? Next.SKIPPED : Next.ALREADY_HANDLED;
    }

    /**
     * Records compliant verdicts of DISCOVERED objects together (a listing page's); returns the ids recorded here,
     * which go to a batch next. The others were handled by another worker, as with {@link #record}.
     */
    public Set<Long> recordCompliant(Map<Long, Verdict> verdicts) {
        return verdicts.isEmpty() ? Set.of() : transitions.classifyAll(verdicts);
    }

    /** The verdict as object tags: {@code ahi-bridge-p10} = compliant | not-compliant, plus the reason code. */
    public static Map<String, String> tags(Verdict verdict) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("ahi-bridge-p10", verdict.compliant() ? "compliant" : "not-compliant");
        if (verdict.reason() != null) {
            tags.put("ahi-bridge-p10-reason", verdict.reason().replaceAll("[^A-Za-z0-9 +\\-=._:/@]", "_"));
        }
        return tags;
    }
}
