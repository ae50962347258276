package org.ahibridge.camel;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.ahibridge.importing.ObjectFlow;
import org.ahibridge.ledger.SourceObject;
import org.apache.camel.CamelContext;

/**
 * The {@link ObjectFlow} of the routes: hands an iterator of objects to {@code direct:import-objects}
 * (routes/import-objects.camel.yaml), whose split takes each through import-object, and waits until all
 * were taken. One-shot runs ({@code import --once}, {@code redrive}) use it, so they classify, apply the
 * rules and batch exactly as the service does.
 */
public final class RoutedObjectFlow implements ObjectFlow {

    static final String ROUTE_ID = "import-objects";

    private final RouteCalls routes;

    public RoutedObjectFlow(Supplier<CamelContext> camel) {
        this.routes = new RouteCalls(camel);
    }

    @Override
    public boolean available() {
        return routes.started(List.of(ROUTE_ID));
    }

    @Override
    public void take(Iterator<SourceObject> objects) {
        routes.send(ROUTE_ID, e -> e.getMessage().setBody(objects));
    }
}
