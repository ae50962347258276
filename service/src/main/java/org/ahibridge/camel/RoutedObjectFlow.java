package org.ahibridge.camel;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.ahibridge.importing.ObjectFlow;
import org.ahibridge.ledger.SourceObject;
import org.apache.camel.CamelContext;

/**
 * The {@link ObjectFlow} of the routes: hands an iterator of objects to {@code direct:import-objects}
 * (routes/import-objects.camel.yaml), which takes them page by page through import-object and their files through
 * import-batching, and waits until all were taken. One-shot runs ({@code import --once}, {@code redrive}) use it, so they classify, apply the
 * rules and batch exactly as the service does.
 */
public final class RoutedObjectFlow implements ObjectFlow {

    static final String ROUTE_ID = "import-objects";
    /** The objects' route and the aggregate their files go to: without it, no file would reach a batch. */
    private static final List<String> FLOW_ROUTES = List.of(ROUTE_ID, "import-object", "import-batching");

    private final RouteCalls routes;

    public RoutedObjectFlow(Supplier<CamelContext> camel) {
        this.routes = new RouteCalls(camel);
    }

    @Override
    public boolean available() {
        return routes.started(FLOW_ROUTES);
    }

    @Override
    public void take(Iterator<SourceObject> objects) {
        routes.send(ROUTE_ID, e -> e.getMessage().setBody(objects));
    }
}
