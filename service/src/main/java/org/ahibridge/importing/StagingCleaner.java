package org.ahibridge.importing;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.ListPage;

/**
 * Deletes the staging prefix of a finished batch (docs/design.md §1 step 8). It lists the prefix rather than
 * trusting the ledger's staging keys, so copies of files that were later retried in another batch go
 * too. Only COMPLETED or FAILED batches are cleaned: a running job still reads its prefix. Each listed page
 * goes in one batched delete ({@link BlobStore#deleteAll}: S3 DeleteObjects), so a batch of 5,000 files
 * costs about 10 requests, not 5,000.
 */
public final class StagingCleaner {

    private static final int PAGE = 1000;

    /** Deletes every object under the batch's folder of the staging store; returns how many. */
    public int clean(Batch batch, BlobStore staging) {
        if (batch.state() != BatchState.COMPLETED && batch.state() != BatchState.FAILED) {
            throw new IllegalArgumentException("batch " + batch.id() + " is " + batch.state()
                    + "; only COMPLETED or FAILED batches can be cleaned up");
        }
        int deleted = 0;
        ListPage page;
        do {
            // Deleting while listing would shift continuation tokens, so always list from the start.
            page = staging.list(batch.id() + "/", null, PAGE);
            deleted += staging.deleteAll(page.objects().stream().map(BlobInfo::key).toList());
        } while (!page.isLast() && !page.objects().isEmpty());
        return deleted;
    }
}
