package org.ahibridge.camel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ahibridge.importing.BatchAssembler;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.WorkLeases;

/**
 * The {@code importTick} bean of routes/import-tick.camel.yaml: seals each advanced datastore's open batch once
 * it has not grown for one tick (message-driven ingestion has no listing pass to tell that the source is
 * quiet) or is older than {@code batch.max-age}, and names the datastores to advance. A batch whose datastore has
 * objects being classified is not quiet: the routes place a page's files only once the page is classified, so the
 * batch does not grow for a while although files are coming.
 */
public final class TickStep {

    private final AdvanceStep advance;
    private final Batches batches;
    private final BatchAssembler assembler;
    private final WorkLeases leases;
    private final Map<String, Batch> lastOpen = new ConcurrentHashMap<>();

    public TickStep(AdvanceStep advance, Batches batches, BatchAssembler assembler, WorkLeases leases) {
        this.advance = advance;
        this.batches = batches;
        this.assembler = assembler;
        this.leases = leases;
    }

    /** Seals the quiet and the expired open batches; returns every datastore advanced so far. */
    public List<String> sealQuiet() {
        List<String> datastores = advance.advanced();
        for (String name : datastores) {
            Optional<Batch> open = batches.findOpen(name).filter(b -> b.fileCount() > 0);
            Batch last = lastOpen.get(name);
            if (open.isPresent() && last != null && open.get().fileCount() == last.fileCount()
                    && open.get().id().equals(last.id()) && !leases.classifying(name)) {
                batches.seal(open.get().id());
            }
            if (open.isPresent()) {
                lastOpen.put(name, open.get());
            } else {
                lastOpen.remove(name);
            }
        }
        assembler.sealExpired();
        return datastores;
    }
}
