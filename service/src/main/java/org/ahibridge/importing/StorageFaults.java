package org.ahibridge.importing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ahibridge.ledger.Batch;
import org.ahibridge.storage.StorageException;

/**
 * The retry budget of transient storage faults (S3 5xx or SlowDown after the SDK's own retries) per batch:
 * such a fault leaves the batch where it is for a later step; more than {@code budget} of them for one
 * batch, or any other fault, is thrown (the route's error handling, or the one-shot run, stops on it).
 */
public final class StorageFaults {

    private final int budget;
    private final Map<String, Integer> faults = new ConcurrentHashMap<>();

    public StorageFaults(int budget) {
        this.budget = budget;
    }

    /** Rethrows {@code e} unless the batch may be retried later. */
    public void retryLater(Batch batch, StorageException e) {
        if (!e.isTransient() || faults.merge(batch.id(), 1, Integer::sum) > budget) {
            throw e;
        }
    }
}
