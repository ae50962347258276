package org.ahibridge.importing;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Batches;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.StorageException;

/**
 * The stage step of one batch (routes/import-batch.camel.yaml, {@code importBatch.stage}): a SEALED batch is copied
 * into its own staging prefix ({@link BatchStager}: concurrent CopyObject with copy-source-if-match) and
 * becomes STAGED. Taken under the batch's claim ({@link BatchClaims}), so several batches stage at once,
 * each by one thread of one instance; a batch in another state, or claimed elsewhere, passes unchanged.
 */
public final class StagingStep {

    private final BatchClaims claims;
    private final BatchStager stager;
    private final DatastoreStores stores;
    private final StorageFaults faults;
    private final Batches batches;

    public StagingStep(BatchClaims claims, BatchStager stager, DatastoreStores stores, StorageFaults faults,
            Batches batches) {
        this.claims = claims;
        this.stager = stager;
        this.stores = stores;
        this.faults = faults;
        this.batches = batches;
    }

    /** Stages the batch if it is SEALED and free; returns it as the ledger has it afterwards. */
    public Batch stage(Batch batch) {
        if (batch.state() != BatchState.SEALED || !claims.claim(batch)) {
            return batch;
        }
        try {
            DatastoreRegistration datastore = stores.datastore(batch.datastore());
            stager.stage(batch, stores.staging(datastore), datastore.requireStaging().location(), stores::source,
                    () -> claims.renew(batch.id(), BatchState.SEALED));
        } catch (StorageException e) {
            faults.retryLater(batch, e);
        } finally {
            claims.release(batch.id());
        }
        return batches.find(batch.id()).orElse(batch);
    }
}
