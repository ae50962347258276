package org.ahibridge.importing;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Batches;
import org.ahibridge.storage.DatastoreRegistration;

/**
 * {@link BatchAdvance} in Java, one batch after another, over the step beans the routes call: for tests of
 * the steps without Camel (the service and one-shot runs take routes/import-advance.camel.yaml).
 */
final class SequentialAdvance implements BatchAdvance {

    private final Batches batches;
    private final StagingStep staging;
    private final JobStartStep starts;
    private final JobFollowStep follows;

    SequentialAdvance(Batches batches, StagingStep staging, JobStartStep starts, JobFollowStep follows) {
        this.batches = batches;
        this.staging = staging;
        this.starts = starts;
        this.follows = follows;
    }

    @Override
    public void advance(DatastoreRegistration datastore, JobDriver.Rebatcher rebatcher) {
        for (Batch batch : batches.ofDatastore(datastore.name(), BatchState.SEALED, BatchState.STAGED)) {
            starts.start(staging.stage(batch), datastore);
        }
        for (Batch batch : batches.ofDatastore(datastore.name(), BatchState.SUBMITTED)) {
            follows.follow(batch, datastore);
        }
        rebatcher.rebatch(datastore.name());
    }
}
