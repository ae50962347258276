package org.ahibridge.camel;

import java.util.List;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;

/**
 * Calls from plain Java into the import routes, for the flows one-shot runs take ({@link RoutedObjectFlow},
 * {@link RoutedBatchFlow}): whether the routes are there and started, and a synchronous send whose failure is
 * thrown to the caller, as a method call would throw it. The Camel context may come later than the caller's bean,
 * so it is looked up at each call and the producer made on first use.
 */
final class RouteCalls {

    private final Supplier<CamelContext> camel;
    private volatile ProducerTemplate producer;

    RouteCalls(Supplier<CamelContext> camel) {
        this.camel = camel;
    }

    /** True when every one of {@code routeIds} is loaded and started. */
    boolean started(List<String> routeIds) {
        CamelContext context = camel.get();
        return context != null && routeIds.stream().allMatch(id -> context.getRoute(id) != null
                && context.getRouteController().getRouteStatus(id) == ServiceStatus.Started);
    }

    /** Sends one message to {@code direct:<routeId>} and waits; the route's failure is thrown here. */
    void send(String routeId, Processor message) {
        Exchange done = producer().send("direct:" + routeId, message);
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
