package org.ahibridge.camel;

import java.util.Map;
import java.util.function.Supplier;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.audit.AuditSink;
import org.ahibridge.audit.AuditWriteException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.util.ObjectHelper;

/**
 * Sends every terminal outcome the ledger accepted as one message to {@code direct:import-outcome}
 * (routes/import-outcome.camel.yaml): the audit record as body, the outcome, reason and ids as
 * {@link OutcomeHeaders}. The route writes the audit line, the dead letter of FAILED files, the
 * EventBridge event and whatever a team adds. The caller's thread runs the route, so an outcome is
 * audited before the step that ended it goes on, as with the audit file alone.
 *
 * <p>When the route is not loaded or not running (a test that loads a few route files, the moments
 * before the routes start), the outcome goes to {@code direct} instead: the audit file and the events.
 * The ledger change was made before this is called, so the outcome is never lost for want of a route.
 */
public final class RoutedOutcomes implements AuditSink {

    static final String ROUTE_ID = "import-outcome";
    static final String ENDPOINT = "direct:import-outcome";

    private final Supplier<CamelContext> camel;
    private final AuditSink direct;
    private volatile ProducerTemplate producer;

    /**
     * @param camel  the context, looked up at the first outcome (the sink is made before Camel starts)
     * @param direct where outcomes go while the route does not run
     */
    public RoutedOutcomes(Supplier<CamelContext> camel, AuditSink direct) {
        this.camel = camel;
        this.direct = direct;
    }

    @Override
    public void record(AuditRecord record) {
        CamelContext context = camel.get();
        Route route = context == null ? null : context.getRoute(ROUTE_ID);
        if (route == null || context.getRouteController().getRouteStatus(ROUTE_ID) != ServiceStatus.Started) {
            direct.record(record);
            return;
        }
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(record);
        headers(record).forEach(exchange.getMessage()::setHeader);
        Exchange done = producer(context).send(ENDPOINT, exchange);
        if (done.getException() != null) {
            // A full disk stops the run as it does without the route, and keeps the record in the audit backlog
            // (AuditCompletion) for the next process: the audit step is the route's first, so nothing else ran.
            AuditWriteException auditFailed = ObjectHelper.getException(AuditWriteException.class,
                    done.getException());
            if (auditFailed != null) {
                throw auditFailed;
            }
            // The ledger holds the outcome; the caller's step fails as it did when the audit file failed.
            throw new IllegalStateException("the outcome route failed for an object of storage '"
                    + record.storage() + "': " + done.getException().getMessage(), done.getException());
        }
    }

    static Map<String, Object> headers(AuditRecord r) {
        Map<String, Object> headers = new java.util.LinkedHashMap<>();
        put(headers, OutcomeHeaders.OUTCOME, r.outcome() == null ? null : r.outcome().name());
        put(headers, OutcomeHeaders.REASON, r.reason());
        put(headers, OutcomeHeaders.RUN_ID, r.runId());
        put(headers, OutcomeHeaders.STORAGE, r.storage());
        put(headers, OutcomeHeaders.KEY, r.key());
        put(headers, OutcomeHeaders.VERSION, r.version());
        put(headers, OutcomeHeaders.DATASTORE, r.datastore());
        put(headers, OutcomeHeaders.BATCH_ID, r.batchId());
        put(headers, OutcomeHeaders.JOB_ID, r.jobId());
        put(headers, OutcomeHeaders.IMAGE_SET_ID, r.imageSetId());
        put(headers, OutcomeHeaders.IS_PRIMARY, r.isPrimary());
        put(headers, OutcomeHeaders.SOP_INSTANCE_UID, r.sopInstanceUid());
        // The object's labels come back as the headers a route set them with (AhiBridgeLabel.<name>).
        r.labels().forEach((name, value) -> headers.put(ImportHeaders.LABEL_PREFIX + name, value));
        return headers;
    }

    private static void put(Map<String, Object> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private ProducerTemplate producer(CamelContext context) {
        ProducerTemplate template = producer;
        if (template == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = context.createProducerTemplate();
                }
                template = producer;
            }
        }
        return template;
    }
}
