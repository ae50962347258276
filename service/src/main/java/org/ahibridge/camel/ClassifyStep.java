package org.ahibridge.camel;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.ahibridge.dicom.p10.P10Verdict;
import org.ahibridge.importing.ObjectReader;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.StorageException;
import org.ahibridge.metrics.PipelineMeters;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The {@code importClassify} step of routes/import-object.camel.yaml. The body is one discovered object
 * (a ledger row); it sets the object's {@link ImportHeaders}, takes its work lease (or finds it among the leases
 * its page took together, {@link ImportPage}), applies the configured
 * key and size rules, and reads the header with ranged reads, setting the {@link P10Headers} (transfer
 * syntax, SOP class, modality, UIDs, ...) and {@link ImportHeaders#VERDICT}. Nothing is written to the
 * ledger here: the record steps ({@link RecordStep}) do that after the routes' rules. It never logs: the
 * headers carry patient identifiers for filters.
 */
public final class ClassifyStep implements Processor {

    private final ObjectReader reader;
    private final Function<String, BlobStore> stores;
    private final Map<String, BlobStore> opened = new ConcurrentHashMap<>();

    /** @param stores the store of a storage name as the ledger records it */
    public ClassifyStep(ObjectReader reader, Function<String, BlobStore> stores) {
        this.reader = reader;
        this.stores = stores;
    }

    @Override
    public void process(Exchange exchange) throws IOException, InvalidPayloadException {
        SourceObject object = exchange.getMessage().getMandatoryBody(SourceObject.class);
        Message message = exchange.getMessage();
        // Kept aside: the routes' rules may change the body; the record steps need the ledger row.
        exchange.setProperty(ImportHeaders.OBJECT_PROPERTY, object);
        message.setHeader(ImportHeaders.OBJECT_ID, object.id());
        message.setHeader(ImportHeaders.STORAGE, object.storage());
        message.setHeader(ImportHeaders.KEY, object.key());
        message.setHeader(ImportHeaders.VERSION, object.version());
        message.setHeader(ImportHeaders.SIZE, object.size());
        message.setHeader(ImportHeaders.RUN_ID, object.runId());
        message.setHeader(ImportHeaders.DATASTORE, object.datastore());
        if (message.getHeader(ImportHeaders.RULES) == null) {
            message.setHeader(ImportHeaders.RULES, DiscoveryStep.DEFAULT_RULES);
        }
        if (object.state() == WorkState.CLASSIFIED) {
            verdict(message, object, "CLASSIFIED");
            return;
        }
        // A page of objects (import-objects) took the leases of its objects together; alone, the object takes its own.
        ImportPage page = exchange.getProperty(ImportPage.PROPERTY, ImportPage.class);
        if (page != null ? !page.holds(object.id()) : !reader.claim(object)) {
            verdict(message, object, "BUSY");
            return;
        }
        try {
            var excluded = reader.exclusion(object);
            if (excluded.isPresent()) {
                message.setHeader(ImportHeaders.SKIP_REASON, excluded.get());
                verdict(message, object, "SKIPPED");
                return;
            }
            P10Verdict verdict = reader.read(store(object.storage()), object);
            exchange.setProperty(P10Headers.VERDICT_PROPERTY, verdict);
            P10HeaderWriter.write(message, verdict);
            verdict(message, object, verdict.compliant() ? "COMPLIANT" : "NOT_P10");
        } catch (StorageException e) {
            if (e.isTransient()) {
                release(page, object);
                throw e; // default-errors retries the step
            }
            message.setHeader(ImportHeaders.FAIL_REASON, "could not read the object: " + e.getMessage());
            verdict(message, object, "UNREADABLE");
        } catch (IOException | RuntimeException e) {
            release(page, object);
            throw e;
        }
    }

    /** An object's own lease goes back at once; a page's leases go back together at the page's end. */
    private void release(ImportPage page, SourceObject object) {
        if (page == null) {
            reader.release(object);
        }
    }

    /** Sets the verdict header and counts the verdict (ahibridge_import_objects_classified_total). */
    private static void verdict(Message message, SourceObject object, String verdict) {
        message.setHeader(ImportHeaders.VERDICT, verdict);
        PipelineMeters.process().classified(object.storage(), object.datastore(), verdict);
    }

    BlobStore store(String storage) {
        return opened.computeIfAbsent(storage, stores);
    }
}
