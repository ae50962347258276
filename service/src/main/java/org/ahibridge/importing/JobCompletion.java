package org.ahibridge.importing;

import java.io.IOException;

import org.ahibridge.ahi.ImportJob;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.Batches;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.StorageException;

/**
 * A finished job's end: its manifests accounted into the ledger ({@link JobAccounting}; every file's outcome,
 * retried files back to batching), then the batch's staging copies deleted ({@link JobCleanup}).
 */
public final class JobCompletion {

    private final JobAccounting accounting;
    private final DatastoreStores stores;
    private final StorageFaults faults;
    private final JobCleanup cleanup;
    private final Batches batches;

    public JobCompletion(JobAccounting accounting, DatastoreStores stores, StorageFaults faults, JobCleanup cleanup,
            Batches batches) {
        this.accounting = accounting;
        this.stores = stores;
        this.faults = faults;
        this.cleanup = cleanup;
        this.batches = batches;
    }

    /** Accounts and cleans up; false when a transient storage fault left the batch SUBMITTED for a later step. */
    public boolean complete(Batch batch, ImportJob job, DatastoreRegistration datastore) throws IOException {
        try {
            // The manifests are read before any ledger change, so a failed read leaves the batch SUBMITTED.
            accounting.account(batch, job, stores.output(datastore), datastore.requireOutput().location());
        } catch (StorageException e) {
            faults.retryLater(batch, e);
            return false;
        }
        cleanup.clean(batch);
        return true;
    }

    /** The batch as the ledger has it now. */
    public Batch current(Batch batch) {
        return batches.find(batch.id()).orElse(batch);
    }
}
