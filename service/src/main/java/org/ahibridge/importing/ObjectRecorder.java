package org.ahibridge.importing;

import org.ahibridge.dicom.p10.P10Verdict;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.storage.BlobStore;

/**
 * The steps that record what became of one classified object (docs/design.md §1 steps 2-4): not P10
 * (SKIPPED_NOT_P10 with the classifier's reason), refused by a rule (SKIPPED_BY_RULE with the rule's
 * reason), unreadable (FAILED), or compliant and allowed: its verdict recorded and the file added to
 * its datastore's open batch. Each ledger change is conditional, so a second worker on the same object
 * changes nothing and writes no second audit line.
 */
public final class ObjectRecorder {

    private final VerdictRecorder verdicts;
    private final SourceObjectTagger tagger;
    private final RuleSkips skips;
    private final AuditedOutcomes outcomes;
    private final ImportRunner batcher;

    public ObjectRecorder(VerdictRecorder verdicts, SourceObjectTagger tagger, RuleSkips skips,
            AuditedOutcomes outcomes, ImportRunner batcher) {
        this.verdicts = verdicts;
        this.tagger = tagger;
        this.skips = skips;
        this.outcomes = outcomes;
        this.batcher = batcher;
    }

    /** Records a non-compliant verdict: the object ends SKIPPED_NOT_P10. */
    public boolean notP10(SourceObject object, BlobStore store, P10Verdict verdict) {
        Verdict ledger = BlobClassifier.toLedger(verdict);
        VerdictRecorder.Next next = verdicts.record(object.id(), ledger);
        if (next != VerdictRecorder.Next.ALREADY_HANDLED) {
            tagger.tag(store, object, ledger);
        }
        return next == VerdictRecorder.Next.SKIPPED;
    }

    /** Ends the object SKIPPED_BY_RULE; {@code verdict} is null when the rule needed no read. */
    public boolean skip(SourceObject object, P10Verdict verdict, String reason) {
        return skips.skip(object, verdict == null ? null : BlobClassifier.toLedger(verdict), reason);
    }

    /** Ends the object FAILED (its header could not be read). */
    public boolean fail(SourceObject object, String reason) {
        return outcomes.finish(object.id(), Outcome.FAILED, reason);
    }

    /**
     * Records a compliant verdict (when the object is still DISCOVERED) and adds the file to a batch. An
     * object already CLASSIFIED (a crash after its verdict, or files a job sent back) goes to a batch as is.
     */
    public Placement batch(SourceObject object, BlobStore store, P10Verdict verdict) {
        SourceObject current = object;
        if (current.state() == WorkState.DISCOVERED) {
            Verdict ledger = BlobClassifier.toLedger(verdict);
            VerdictRecorder.Next next = verdicts.record(current.id(), ledger);
            if (next != VerdictRecorder.Next.ALREADY_HANDLED) {
                tagger.tag(store, current, ledger);
            }
            if (next != VerdictRecorder.Next.BATCH) {
                return null;
            }
            // The row is CLASSIFIED with this verdict now (the update said so): no read back needed. Should another
            // worker batch it first, the assembler's conditional assignment sees that.
            current = current.classified(ledger);
        }
        return current.state() == WorkState.CLASSIFIED ? batcher.batch(current) : null;
    }
}
