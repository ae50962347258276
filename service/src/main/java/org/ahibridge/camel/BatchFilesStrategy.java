package org.ahibridge.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.ahibridge.importing.BatchAssembler;
import org.ahibridge.importing.Placement;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.SourceObject;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The {@code aggregationStrategy} of routes/import-batching.camel.yaml ({@code importBatchFiles}): adds the files of
 * an incoming message ({@link StagingFiles}) to their datastore's open batch through the {@link BatchAssembler}, in
 * one transaction when they fit together, so reserving room and sealing a full batch stay conditional updates in the
 * database and hold across threads and instances. The group's exchange is the incoming one, its body the batch as
 * the ledger has it now: the batch this message filled and sealed (header {@link #FULL} true: AHI's limits, per
 * datastore), else the open batch. Header {@link #TIME_LEFT}: milliseconds until that batch reaches its max age, the
 * route's completion timeout. A message without files (a quiet source's) only reads the open batch.
 */
public final class BatchFilesStrategy implements AggregationStrategy {

    /** True when the files filled a batch: the ledger sealed it on the datastore's limits. */
    public static final String FULL = "AhiBridgeBatchFull";
    /** Milliseconds until the group's batch reaches {@code ahibridge.import.batch.max-age}. */
    public static final String TIME_LEFT = "AhiBridgeBatchTimeLeft";

    private final BatchAssembler assembler;
    private final Batches batches;
    private final OpenBatchRepository openBatches;
    private final Consumer<SourceObject> oneByOne;

    /** @param oneByOne places a file too large for any import job: it ends FAILED with its outcome message */
    public BatchFilesStrategy(BatchAssembler assembler, Batches batches, OpenBatchRepository openBatches,
            Consumer<SourceObject> oneByOne) {
        this.assembler = assembler;
        this.batches = batches;
        this.openBatches = openBatches;
        this.oneByOne = oneByOne;
    }

    @Override
    public Exchange aggregate(Exchange group, Exchange incoming) {
        String datastore = incoming.getMessage().getHeader(ImportHeaders.DATASTORE, String.class);
        Optional<Batch> filled = Optional.empty();
        if (incoming.getMessage().getBody() instanceof StagingFiles staging) {
            datastore = staging.datastore();
            filled = place(staging);
        }
        Optional<Batch> batch = filled.isPresent() ? filled
                : batches.findOpen(datastore).filter(b -> b.fileCount() > 0);
        incoming.getMessage().setHeader(ImportHeaders.DATASTORE, datastore);
        incoming.getMessage().setHeader(FULL, filled.isPresent());
        incoming.getMessage().setBody(batch.orElse(null));
        batch.ifPresent(b -> incoming.getMessage().setHeader(TIME_LEFT, openBatches.timeLeftMillis(b)));
        return incoming;
    }

    /** Places the files; returns the batch they filled (sealed), if any. */
    private Optional<Batch> place(StagingFiles staging) {
        long largest = assembler.policy(staging.datastore()).effectiveMaxFileBytes();
        List<SourceObject> fitting = new ArrayList<>(staging.files().size());
        for (SourceObject file : staging.files()) {
            if (file.size() > largest) {
                oneByOne.accept(file);
            } else {
                fitting.add(file);
            }
        }
        List<Placement> placements = assembler.addAll(fitting);
        return placements.stream().filter(Placement::sealedBatch).map(Placement::batchId).findFirst()
                .flatMap(batches::find);
    }
}
