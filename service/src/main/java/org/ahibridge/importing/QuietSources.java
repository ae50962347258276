package org.ahibridge.importing;

import java.util.Map;


/**
 * What the end of a listing pass means for batching and runs: each source's quiet flag goes to its polling
 * run ({@link PollingRuns}); when every source of the pass was quiet, nothing more is coming for now, and
 * import-pass completes the datastore's open batch through the batching aggregate (routes/import-batching.camel.yaml)
 * rather than let it wait for {@code batch.max-age}; batches older than that age are sealed in any case.
 */
public final class QuietSources {

    private final PollingRuns runs;
    private final BatchAssembler assembler;

    public QuietSources(PollingRuns runs, BatchAssembler assembler) {
        this.runs = runs;
        this.assembler = assembler;
    }

    /**
     * Records the finished pass (its iterator exhausted) of sources importing into {@code datastore}; true when every
     * source of the pass was quiet.
     */
    public boolean passed(SourcePasses pass, String datastore) {
        Map<String, Boolean> quiet = pass.quiet();
        quiet.forEach(runs::passed);
        assembler.sealExpired();
        return quiet.values().stream().allMatch(Boolean::booleanValue);
    }
}
