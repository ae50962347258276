package org.ahibridge.camel;

import java.util.Iterator;
import java.util.function.Supplier;

import org.ahibridge.importing.ObjectFlow;
import org.ahibridge.ledger.SourceObject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;

/**
 * The {@link ObjectFlow} of the routes: hands an iterator of objects to {@code direct:import-objects}
 * (routes/import-objects.camel.yaml), whose split takes each through import-object, and waits until all
 * were taken. One-shot runs ({@code import --once}, {@code redrive}) use it, so they classify, apply the
 * rules and batch exactly as the service does.
 */
public final class RoutedObjectFlow implements ObjectFlow {

    static final String ROUTE_ID = "import-objects";

    private final Supplier<CamelContext> camel;
    private volatile ProducerTemplate producer;

    public RoutedObjectFlow(Supplier<CamelContext> camel) {
        this.camel = camel;
    }

    @Override
    public boolean available() {
        CamelContext context = camel.get();
        return context != null && context.getRoute(ROUTE_ID) != null
                && context.getRouteController().getRouteStatus(ROUTE_ID) == ServiceStatus.Started;
    }

    @Override
    public void take(Iterator<SourceObject> objects) {
        Exchange done = producer().send("direct:" + ROUTE_ID, e -> e.getMessage().setBody(objects));
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
