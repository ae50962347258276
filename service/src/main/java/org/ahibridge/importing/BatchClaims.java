package org.ahibridge.importing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.WorkLeases;

/**
 * Who works on a batch now. The ledger lease ({@link WorkLeases#claimBatch}) keeps other instances off a
 * batch, but it names the instance, not the thread: two route threads of one instance would both win it.
 * So a claim is taken in this process first (a set of batch ids in work), then in the ledger; a batch
 * someone else works on is simply left for the next step.
 */
public final class BatchClaims {

    private final WorkLeases leases;
    private final Set<String> inWork = ConcurrentHashMap.newKeySet();

    public BatchClaims(WorkLeases leases) {
        this.leases = leases;
    }

    /** Takes the batch in the state it has; false when another thread or instance works on it. */
    public boolean claim(Batch batch) {
        if (!inWork.add(batch.id())) {
            return false;
        }
        if (!leases.claimBatch(batch.id(), batch.state())) {
            inWork.remove(batch.id());
            return false;
        }
        return true;
    }

    /** Renews the lease of a claimed batch during a long step; false when it was lost (the batch moved on). */
    public boolean renew(String batchId, BatchState state) {
        return leases.claimBatch(batchId, state);
    }

    /** Gives the batch back to every thread and instance. */
    public void release(String batchId) {
        try {
            leases.releaseBatch(batchId);
        } finally {
            inWork.remove(batchId);
        }
    }
}
