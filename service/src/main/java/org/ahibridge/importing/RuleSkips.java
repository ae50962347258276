package org.ahibridge.importing;

import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Ends an object SKIPPED_BY_RULE with the rule's reason. When the object was read first (a rule on the
 * modality, the SOP class or any header), its verdict is recorded in the same transaction as the outcome:
 * a crash can never leave it CLASSIFIED, which would send it to a batch past the rule that refused it.
 */
public final class RuleSkips {

    private final ObjectTransitions transitions;
    private final TransactionOperations transactions;
    private final AuditedOutcomes outcomes;

    public RuleSkips(ObjectTransitions transitions, TransactionOperations transactions, AuditedOutcomes outcomes) {
        this.transitions = transitions;
        this.transactions = transactions;
        this.outcomes = outcomes;
    }

    /** True when this call ended the object (and audited it); false when it had already ended. */
    public boolean skip(SourceObject object, Verdict verdict, String reason) {
        Boolean done = transactions.execute(status -> {
            if (verdict != null) {
                transitions.classify(object.id(), verdict);
            }
            return transitions.finish(object.id(), Outcome.SKIPPED_BY_RULE, reason);
        });
        if (Boolean.TRUE.equals(done)) {
            outcomes.recorded(object.id());
            return true;
        }
        return false;
    }
}
