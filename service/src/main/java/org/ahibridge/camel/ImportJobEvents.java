package org.ahibridge.camel;

import java.io.IOException;
import java.util.Optional;

import org.ahibridge.importing.JobEvent;
import org.ahibridge.importing.JobSignals;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Batches;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.Registrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code importJobEvents} bean of routes/import-job-events.camel.yaml: takes an "Import Job
 * Completed/Failed" event, notes that the job finished ({@link JobSignals}) and, when a SUBMITTED batch
 * of the routes' datastore has that job, answers ADVANCED: the route then advances the datastore at once
 * (direct:import-advance), where GetDICOMImportJob confirms the end state and the manifests are accounted.
 * Duplicates find the batch already accounted; an event that overtakes the ledger update of its batch stays
 * noted until the batch shows up. No Camel types.
 */
public final class ImportJobEvents {

    /** What an event led to; the route puts it in header AhiBridgeJobEvent. */
    public enum Result {
        /** A batch of the routes' datastore has the job: the route advances the datastore at once. */
        ADVANCED,
        /** A batch of another registered datastore has the job: noted for whoever drives it. */
        NOTED,
        /** No SUBMITTED batch has the job: already accounted (a duplicate), not started by this service, or not yet recorded. */
        UNKNOWN_JOB,
        /** Not a job-end event of a registered datastore (or not JSON). */
        IGNORED
    }

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobEvents.class);

    private final ObjectMapper json;
    private final Registrations registrations;
    private final Batches batches;
    private final Optional<JobSignals> signals;
    private final String routeDatastore;

    /** @param signals empty when job events are off: the routes' driver polls at every step anyway */
    public ImportJobEvents(ObjectMapper json, Registrations registrations, Batches batches,
            Optional<JobSignals> signals, String routeDatastore) {
        this.json = json;
        this.registrations = registrations;
        this.batches = batches;
        this.signals = signals;
        this.routeDatastore = routeDatastore;
    }

    public Result finished(String body) throws IOException {
        Optional<JobEvent> read = JobEvent.read(json, body);
        if (read.isEmpty()) {
            // The body is not logged: it is not ours to judge what it holds.
            LOG.debug("Ignoring a message that is not an AHI import-job end event");
            return Result.IGNORED;
        }
        JobEvent event = read.get();
        Optional<DatastoreRegistration> datastore = registrations.datastores().stream()
                .filter(d -> d.datastoreId().equals(event.datastoreId())).findFirst();
        if (datastore.isEmpty()) {
            LOG.debug("Ignoring '{}' of job {}: datastore {} is not registered", event.detailType(), event.jobId(),
                    event.datastoreId());
            return Result.IGNORED;
        }
        signals.ifPresent(s -> s.jobFinished(event.jobId()));
        boolean submitted = batches.inState(BatchState.SUBMITTED).stream()
                .anyMatch(b -> event.jobId().equals(b.jobId()) && b.datastore().equals(datastore.get().name()));
        if (!submitted) {
            LOG.debug("'{}' of job {}: no submitted batch has it (accounted already, or not ours)",
                    event.detailType(), event.jobId());
            return Result.UNKNOWN_JOB;
        }
        if (!datastore.get().name().equals(routeDatastore)) {
            return Result.NOTED;
        }
        LOG.info("'{}' for job {}: its batch is followed now", event.detailType(), event.jobId());
        return Result.ADVANCED;
    }
}
