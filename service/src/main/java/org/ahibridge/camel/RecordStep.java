package org.ahibridge.camel;

import org.ahibridge.dicom.p10.P10Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ahibridge.importing.BlobClassifier;
import org.ahibridge.importing.ObjectLabels;
import org.ahibridge.importing.ObjectReader;
import org.ahibridge.importing.ObjectRecorder;
import org.ahibridge.importing.Placement;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.WorkState;
import org.apache.camel.Exchange;

/**
 * The {@code importRecord} bean of routes/import-object.camel.yaml and import-skip.camel.yaml: records in the
 * ledger what the flow decided for the object in the body, then gives its work lease back. Every terminal
 * outcome recorded here also becomes one message on {@code direct:import-outcome}.
 */
public final class RecordStep {

    private final ObjectRecorder recorder;
    private final ObjectReader reader;
    private final ClassifyStep classify;
    private final ObjectLabels labels;

    public RecordStep(ObjectRecorder recorder, ObjectReader reader, ClassifyStep classify, ObjectLabels labels) {
        this.labels = labels;
        this.recorder = recorder;
        this.reader = reader;
        this.classify = classify;
    }

    /** SKIPPED_NOT_P10 with the classifier's reason. */
    public void notP10(Exchange exchange) {
        SourceObject object = object(exchange);
        try {
            recorder.notP10(object, classify.store(object.storage()), verdict(exchange));
        } finally {
            release(exchange, object);
        }
    }

    /** SKIPPED_BY_RULE with {@link ImportHeaders#SKIP_REASON} (a rule that forgot the reason is named so). */
    public void skip(Exchange exchange) {
        SourceObject object = object(exchange);
        String reason = exchange.getMessage().getHeader(ImportHeaders.SKIP_REASON, String.class);
        if (reason == null || reason.isBlank()) {
            reason = "skipped by a rule (no AhiBridgeSkipReason given)";
            // Set, so that import-object does not go on to batch an object a rule sent here directly.
            exchange.getMessage().setHeader(ImportHeaders.SKIP_REASON, reason);
        }
        try {
            recorder.skip(object, verdict(exchange), reason);
        } finally {
            release(exchange, object);
        }
    }

    /** FAILED with {@link ImportHeaders#FAIL_REASON}. */
    public void fail(Exchange exchange) {
        SourceObject object = object(exchange);
        try {
            recorder.fail(object, exchange.getMessage().getHeader(ImportHeaders.FAIL_REASON, String.class));
        } finally {
            release(exchange, object);
        }
    }

    /**
     * The verdict recorded and the file added to its datastore's open batch ({@code AhiBridgeBatchId}). An object of
     * a page (import-objects) is kept on its {@link ImportPage} instead: the page records its compliant objects'
     * verdicts together and hands the files to the batching aggregate (import-batching).
     */
    public void batch(Exchange exchange) {
        SourceObject object = object(exchange);
        ImportPage page = exchange.getProperty(ImportPage.PROPERTY, ImportPage.class);
        if (page != null) {
            P10Verdict verdict = verdict(exchange);
            page.toBatch(object, object.state() == WorkState.DISCOVERED ? BlobClassifier.toLedger(verdict) : null);
            return;
        }
        try {
            Placement placement = recorder.batch(object, classify.store(object.storage()), verdict(exchange));
            if (placement != null && placement.batchId() != null) {
                exchange.getMessage().setHeader(OutcomeHeaders.BATCH_ID, placement.batchId());
            }
        } finally {
            release(exchange, object);
        }
    }

    /** An object's own lease goes back at once; a page's leases go back together at the page's end. */
    private void release(Exchange exchange, SourceObject object) {
        if (exchange.getProperty(ImportPage.PROPERTY) == null) {
            reader.release(object);
        }
    }

    /** The object's row; its labels (headers AhiBridgeLabel.*) are kept first, so its outcome carries them. */
    private SourceObject object(Exchange exchange) {
        SourceObject object = exchange.getProperty(ImportHeaders.OBJECT_PROPERTY, SourceObject.class);
        Map<String, String> given = new LinkedHashMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (name.startsWith(ImportHeaders.LABEL_PREFIX) && name.length() > ImportHeaders.LABEL_PREFIX.length()
                    && value != null) {
                given.put(name.substring(ImportHeaders.LABEL_PREFIX.length()), value.toString());
            }
        });
        labels.save(object.id(), given);
        return object;
    }

    private static P10Verdict verdict(Exchange exchange) {
        return exchange.getProperty(P10Headers.VERDICT_PROPERTY, P10Verdict.class);
    }
}
