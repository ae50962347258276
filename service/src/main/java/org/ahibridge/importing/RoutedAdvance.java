package org.ahibridge.importing;

import java.util.function.Supplier;

import org.ahibridge.storage.DatastoreRegistration;

/**
 * The {@link BatchAdvance} of one-shot runs: the routes' import-advance, as in the service. A context without
 * those routes fails here with the reason rather than stage, start and follow batches some other way.
 */
public final class RoutedAdvance implements BatchAdvance {

    private final Supplier<BatchFlow> routes;

    /** @param routes the routes' batch flow; null when not loaded */
    public RoutedAdvance(Supplier<BatchFlow> routes) {
        this.routes = routes;
    }

    @Override
    public void advance(DatastoreRegistration datastore, JobDriver.Rebatcher rebatcher) {
        BatchFlow flow = routes.get();
        if (flow == null || !flow.available()) {
            throw new IllegalStateException("the import routes are not loaded: routes import-advance, import-batch"
                    + " and import-job (routes/import-advance.camel.yaml and those it calls) must be started to stage,"
                    + " start and follow import jobs");
        }
        flow.advance(datastore.name());
    }
}
