package org.ahibridge.ledger;

/**
 * The terminal outcomes of a source object (docs/design.md §3). Every object version reaches exactly one of
 * them on {@code source_object}; {@link #ALREADY_IMPORTED} only ever appears in a later run's
 * {@code run_outcome}, for an object version an earlier run imported.
 *
 * <p>The export pipeline shares the audit log and records one outcome per exported instance:
 * {@link #EXPORTED}, {@link #SKIPPED_EXISTS} (the destination already had it and the overwrite policy
 * kept it) or {@link #FAILED}.
 */
public enum Outcome {
    IMPORTED,
    IMPORTED_WITH_WARNINGS,
    SKIPPED_NOT_P10,
    SKIPPED_BY_RULE,
    ALREADY_IMPORTED,
    FAILED,
    EXPORTED,
    SKIPPED_EXISTS;

    public boolean isImported() {
        return this == IMPORTED || this == IMPORTED_WITH_WARNINGS;
    }
}
