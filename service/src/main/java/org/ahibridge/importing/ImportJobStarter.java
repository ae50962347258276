package org.ahibridge.importing;

import java.util.Optional;
import java.util.function.Function;

import org.ahibridge.ahi.AhiOperations;
import org.ahibridge.ahi.ImportJob;
import org.ahibridge.ahi.ImportJobRequest;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.storage.AccessModeException;
import org.ahibridge.storage.DatastoreRegistration;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Starts the import job of a STAGED batch (docs/design.md §1 step 6): at most {@code maxConcurrent} jobs run
 * per datastore (counted in the ledger, so the cap holds across restarts), the batch id is the
 * {@code clientToken} (a retry after a crash gets the same job back), the input is the batch's own
 * staging prefix and the output the datastore's output location. The pace of the calls is the
 * {@link AhiOperations} implementation's job; {@code ahi} gives each datastore's operations.
 */
public final class ImportJobStarter {

    private final Function<DatastoreRegistration, AhiOperations> ahi;
    private final Batches batches;
    private final ObjectTransitions transitions;
    private final TransactionOperations transactions;
    private final int maxConcurrent;

    public ImportJobStarter(Function<DatastoreRegistration, AhiOperations> ahi, Batches batches, ObjectTransitions transitions,
            TransactionOperations transactions, int maxConcurrent) {
        this.ahi = ahi;
        this.batches = batches;
        this.transitions = transitions;
        this.transactions = transactions;
        this.maxConcurrent = maxConcurrent;
    }

    /**
     * Starts the batch's job, or returns empty when the datastore already runs {@code maxConcurrent}
     * jobs (try again later). AHI errors propagate as AhiThrottledException / AhiRejectedException.
     */
    public Optional<ImportJob> start(Batch batch, DatastoreRegistration datastore) {
        if (batch.state() != BatchState.STAGED) {
            throw new IllegalArgumentException("batch " + batch.id() + " is " + batch.state() + ", not STAGED");
        }
        if (!datastore.access().canWrite()) {
            throw new AccessModeException("datastore '" + datastore.name() + "' is registered read-only; batch "
                    + batch.id() + " cannot be imported into it. Set " + datastore.configurationKey()
                    + ".access to read-write or write.");
        }
        if (batches.countSubmitted(datastore.name()) >= maxConcurrent) {
            return Optional.empty();
        }
        ImportJob job = ahi.apply(datastore).startImportJob(new ImportJobRequest(datastore.datastoreId(), "ahi-bridge-" + batch.id(),
                batch.id(), datastore.dataAccessRoleArn(), inputS3Uri(datastore, batch.id()),
                datastore.requireOutput().location().uri()));
        transactions.executeWithoutResult(status -> {
            batches.submitted(batch.id(), job.jobId());
            transitions.submitted(batch.id(), job.jobId());
        });
        return Optional.of(job);
    }

    /** The batch's staging prefix as an S3 URI: the only files the job will see. */
    public static String inputS3Uri(DatastoreRegistration datastore, String batchId) {
        return StagingKeys.batchPrefix(datastore.requireStaging().location().uri(), batchId);
    }
}
