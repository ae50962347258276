package org.ahibridge.camel;

import org.ahibridge.metrics.PipelineMeters;
import org.apache.camel.Message;

/**
 * The {@code importOutcomeMeter} step of routes/import-outcome.camel.yaml: counts each terminal outcome, the
 * one message per outcome that route receives, into {@code ahibridge_import_objects_total} by outcome, source
 * storage and datastore (from the route's headers AhiBridgeOutcome, AhiBridgeStorage, AhiBridgeDatastore).
 */
public final class ImportOutcomeMeter {

    private final PipelineMeters meters;

    public ImportOutcomeMeter(PipelineMeters meters) {
        this.meters = meters;
    }

    public void count(Message message) {
        meters.importOutcome(message.getHeader(OutcomeHeaders.OUTCOME, String.class),
                message.getHeader(OutcomeHeaders.STORAGE, String.class),
                message.getHeader(OutcomeHeaders.DATASTORE, String.class));
    }
}
