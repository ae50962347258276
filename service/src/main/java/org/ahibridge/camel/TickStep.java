package org.ahibridge.camel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ahibridge.importing.BatchAssembler;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.Batches;

/**
 * The {@code importTick} bean of routes/import-tick.camel.yaml: seals each advanced datastore's open batch once
 * it has not grown for one tick (message-driven ingestion has no listing pass to tell that the source is
 * quiet) or is older than {@code batch.max-age}, and names the datastores to advance.
 */
public final class TickStep {

    private final AdvanceStep advance;
    private final Batches batches;
    private final BatchAssembler assembler;
    private final Map<String, Batch> lastOpen = new ConcurrentHashMap<>();

    public TickStep(AdvanceStep advance, Batches batches, BatchAssembler assembler) {
        this.advance = advance;
        this.batches = batches;
        this.assembler = assembler;
    }

    /** Seals the quiet and the expired open batches; returns every datastore advanced so far. */
    public List<String> sealQuiet() {
        List<String> datastores = advance.advanced();
        for (String name : datastores) {
            Optional<Batch> open = batches.findOpen(name).filter(b -> b.fileCount() > 0);
            Batch last = lastOpen.get(name);
            if (open.isPresent() && last != null && open.get().fileCount() == last.fileCount()
                    && open.get().id().equals(last.id())) {
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
