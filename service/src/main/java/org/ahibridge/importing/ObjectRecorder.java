package org.ahibridge.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.ahibridge.dicom.p10.P10Verdict;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.StorageException;

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

    /** A compliant object the routes let through: its verdict from the read, or null when it was CLASSIFIED already. */
    public record Compliant(SourceObject object, Verdict verdict) {
    }

    /**
     * Records the compliant verdicts of a listing page's DISCOVERED objects in one statement, tags those recorded
     * here (when configured to), and returns them, with the objects that were CLASSIFIED already, as files ready for
     * a batch. Objects another worker handled meanwhile are left out; one whose tagging failed for good ends FAILED.
     */
    public List<SourceObject> recordCompliant(List<Compliant> page, Function<String, BlobStore> stores) {
        Map<Long, Verdict> discovered = new LinkedHashMap<>();
        for (Compliant c : page) {
            if (c.object().state() == WorkState.DISCOVERED) {
                discovered.put(c.object().id(), c.verdict());
            }
        }
        Set<Long> recorded = verdicts.recordCompliant(discovered);
        List<SourceObject> files = new ArrayList<>(page.size());
        for (Compliant c : page) {
            SourceObject object = c.object();
            if (object.state() == WorkState.CLASSIFIED) {
                files.add(object);
            } else if (recorded.contains(object.id()) && tagged(object, c.verdict(), stores)) {
                files.add(object.classified(c.verdict()));
            }
        }
        return files;
    }

    private boolean tagged(SourceObject object, Verdict verdict, Function<String, BlobStore> stores) {
        try {
            tagger.tag(stores.apply(object.storage()), object, verdict);
            return true;
        } catch (StorageException e) {
            if (e.isTransient()) {
                throw e;
            }
            outcomes.finish(object.id(), Outcome.FAILED, "could not read the object: " + e.getMessage());
            return false;
        }
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
