package org.ahibridge.importing;

import java.io.IOException;

import org.ahibridge.storage.DatastoreRegistration;

/**
 * One step of a datastore's batches without waiting: sealed batches staged, staged ones started, jobs in
 * flight followed and accounted, retried files re-batched. In the service and in one-shot runs alike the
 * routes do it (routes/import-advance.camel.yaml, several batches at once; {@link RoutedAdvance}).
 */
public interface BatchAdvance {

    void advance(DatastoreRegistration datastore, JobDriver.Rebatcher rebatcher) throws IOException;
}
