package org.ahibridge.importing;

import java.util.Map;

import org.ahibridge.ledger.Batches;

/**
 * What the end of a listing pass means for batching and runs: each source's quiet flag goes to its polling
 * run ({@link PollingRuns}); when every source of the pass was quiet, the datastore's open batch is sealed
 * at once (nothing more is coming, so it need not wait for {@code batch.max-age}); batches older than
 * that age are sealed in any case.
 */
public final class QuietSources {

    private final PollingRuns runs;
    private final Batches batches;
    private final BatchAssembler assembler;

    public QuietSources(PollingRuns runs, Batches batches, BatchAssembler assembler) {
        this.runs = runs;
        this.batches = batches;
        this.assembler = assembler;
    }

    /** Records the finished pass (its iterator exhausted) of sources importing into {@code datastore}. */
    public void passed(SourcePasses pass, String datastore) {
        Map<String, Boolean> quiet = pass.quiet();
        quiet.forEach(runs::passed);
        if (quiet.values().stream().allMatch(Boolean::booleanValue)) {
            batches.findOpen(datastore).filter(b -> b.fileCount() > 0).ifPresent(b -> batches.seal(b.id()));
        }
        assembler.sealExpired();
    }
}
