package org.ahibridge.camel;

import java.util.List;
import java.util.function.Supplier;

import org.ahibridge.importing.BatchFlow;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;

/**
 * The {@link BatchFlow} of the routes: one message with header AhiBridgeDatastore to
 * {@code direct:import-advance} (routes/import-advance.camel.yaml), which splits the datastore's batches and
 * jobs into one message each; returns once all were handled. Header AhiBridgePollJobs makes its jobs followed
 * with GetDICOMImportJob at every step: one-shot runs take this flow, and nothing consumes the job-event queue
 * for them.
 */
public final class RoutedBatchFlow implements BatchFlow {

    static final String ROUTE_ID = "import-advance";
    static final String POLL_JOBS = "AhiBridgePollJobs";
    private static final List<String> STEP_ROUTES = List.of(ROUTE_ID, "import-batch", "import-job");

    private final Supplier<CamelContext> camel;
    private volatile ProducerTemplate producer;

    public RoutedBatchFlow(Supplier<CamelContext> camel) {
        this.camel = camel;
    }

    /** True when import-advance and the routes it splits into (import-batch, import-job) are started. */
    @Override
    public boolean available() {
        CamelContext context = camel.get();
        return context != null && STEP_ROUTES.stream().allMatch(id -> context.getRoute(id) != null
                && context.getRouteController().getRouteStatus(id) == ServiceStatus.Started);
    }

    @Override
    public void advance(String datastore) {
        Exchange done = producer().send("direct:" + ROUTE_ID,
                e -> {
                    e.getMessage().setHeader(ImportHeaders.DATASTORE, datastore);
                    e.getMessage().setHeader(POLL_JOBS, true);
                });
        Exception failure = done.getException();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException("the import flow failed: " + failure.getMessage(), failure);
        }
    }

    private ProducerTemplate producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = camel.get().createProducerTemplate();
                }
            }
        }
        return producer;
    }
}
