package org.ahibridge.exporting;

import java.util.Map;

import org.ahibridge.ledger.Outcome;

/**
 * Where an export run stands, from its in-memory counters (no query): image sets selected by the search and
 * those whose metadata was read, instances listed in that metadata, instance outcomes so far and frames written.
 * Until the search has finished, {@code imageSets} grows.
 */
public record ExportProgress(String runId, int imageSets, int imageSetsRead, long instances,
        Map<Outcome, Long> outcomes, long frames) {

    public ExportProgress {
        outcomes = Map.copyOf(outcomes);
    }

    /** Instances with an outcome. */
    public long done() {
        return outcomes.values().stream().mapToLong(Long::longValue).sum();
    }
}
