package org.ahibridge.importing;

import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceObjects;

/**
 * Re-drives FAILED objects once their cause is fixed (docs/design.md §7): each one goes back to work under
 * the re-drive run, compliant files straight to batching (CLASSIFIED), the others to classification
 * (DISCOVERED). The earlier run keeps its FAILED report; the re-drive run reports the new outcome.
 */
public final class Redrive {

    private final SourceObjects objects;
    private final ObjectTransitions transitions;

    public Redrive(SourceObjects objects, ObjectTransitions transitions) {
        this.objects = objects;
        this.transitions = transitions;
    }

    /**
     * @param storage only objects of this storage, or null for all
     * @return how many objects were re-driven (at most {@code limit})
     */
    public int redrive(String runId, String storage, int limit) {
        int count = 0;
        for (SourceObject failed : objects.failed(storage, limit)) {
            count += transitions.redrive(failed.id(), runId) ? 1 : 0;
        }
        return count;
    }
}
