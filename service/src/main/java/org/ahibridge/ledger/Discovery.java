package org.ahibridge.ledger;

/**
 * The result of recording a sighting of an object version: the ledger row, whether it is new, and when
 * the version had already reached a terminal outcome, what the current run reports for it
 * ({@link Outcome#ALREADY_IMPORTED} for an imported one) and why.
 */
public record Discovery(SourceObject object, boolean isNew, Outcome reportedOutcome, String reportedReason) {

    /** True when the object still needs work (classification, batching, ...). */
    public boolean needsWork() {
        return !object.isTerminal();
    }
}
