package org.ahibridge.camel;

import java.util.List;
import java.util.function.Supplier;

import org.ahibridge.importing.BatchFlow;
import org.apache.camel.CamelContext;

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

    private final RouteCalls routes;

    public RoutedBatchFlow(Supplier<CamelContext> camel) {
        this.routes = new RouteCalls(camel);
    }

    /** True when import-advance and the routes it splits into (import-batch, import-job) are started. */
    @Override
    public boolean available() {
        return routes.started(STEP_ROUTES);
    }

    @Override
    public void advance(String datastore) {
        routes.send(ROUTE_ID, e -> {
            e.getMessage().setHeader(ImportHeaders.DATASTORE, datastore);
            e.getMessage().setHeader(POLL_JOBS, true);
        });
    }
}
