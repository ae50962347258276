package org.ahibridge.ledger;

/**
 * Where a source object is on its way to a terminal outcome. Transitions are conditional updates
 * ({@code ... where work_state = ?}), so two instances can never both move the same object.
 *
 * <pre>
 * DISCOVERED -> CLASSIFIED -> BATCHED -> STAGED -> SUBMITTED -> DONE
 *      \-----------\-------------\---------\-----------\------> DONE (skipped or failed)
 * SUBMITTED/STAGED/BATCHED -> CLASSIFIED (server error: retried in a new batch)
 * </pre>
 */
public enum WorkState {
    DISCOVERED,
    CLASSIFIED,
    BATCHED,
    STAGED,
    SUBMITTED,
    DONE
}
