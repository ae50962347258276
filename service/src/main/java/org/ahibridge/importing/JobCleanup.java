package org.ahibridge.importing;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.Batches;
import org.ahibridge.storage.StorageException;

/**
 * Deletes a finished batch's staging copies ({@link StagingCleaner}). The batch's outcomes are recorded by
 * then, so a transient storage fault only leaves copies behind for the retry budget ({@link StorageFaults}).
 */
public final class JobCleanup {

    private final Batches batches;
    private final StagingCleaner cleaner;
    private final DatastoreStores stores;
    private final StorageFaults faults;

    public JobCleanup(Batches batches, StagingCleaner cleaner, DatastoreStores stores, StorageFaults faults) {
        this.batches = batches;
        this.cleaner = cleaner;
        this.stores = stores;
        this.faults = faults;
    }

    /** Cleans the batch as the ledger has it now (it must have ended). */
    public void clean(Batch batch) {
        Batch ended = batches.find(batch.id()).orElse(batch);
        try {
            cleaner.clean(ended, stores.staging(stores.datastore(ended.datastore())));
        } catch (StorageException e) {
            faults.retryLater(ended, e);
        }
    }
}
