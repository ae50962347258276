package org.ahibridge.importing;

import java.util.function.Supplier;

import org.ahibridge.storage.DatastoreRegistration;

/**
 * The {@link BatchAdvance} of one-shot runs: the routes' import-advance when they are loaded, else the same
 * step beans one after another ({@link SequentialAdvance}).
 */
public final class RoutedFirstAdvance implements BatchAdvance {

    private final Supplier<BatchFlow> routes;
    private final SequentialAdvance sequential;

    public RoutedFirstAdvance(Supplier<BatchFlow> routes, SequentialAdvance sequential) {
        this.routes = routes;
        this.sequential = sequential;
    }

    @Override
    public void advance(DatastoreRegistration datastore, JobDriver.Rebatcher rebatcher) {
        BatchFlow flow = routes.get();
        if (flow != null && flow.available()) {
            flow.advance(datastore.name());
        } else {
            sequential.advance(datastore, rebatcher);
        }
    }
}
