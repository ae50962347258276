package org.ahibridge.ledger;

/**
 * The life of a staging batch (one AHI import job).
 *
 * <pre>
 * OPEN -> SEALED -> STAGED -> SUBMITTED -> COMPLETED
 *                       \          \-----> FAILED
 * </pre>
 * OPEN takes files; SEALED takes no more (count, size or age reached); STAGED has every file copied to
 * its staging prefix; SUBMITTED has an import job; COMPLETED/FAILED mirror the job's end state after
 * its output was accounted for.
 */
public enum BatchState {
    OPEN,
    SEALED,
    STAGED,
    SUBMITTED,
    COMPLETED,
    FAILED
}
