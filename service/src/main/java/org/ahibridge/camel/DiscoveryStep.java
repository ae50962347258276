package org.ahibridge.camel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.ahibridge.importing.ImportRunner;
import org.ahibridge.importing.IncrementalLister;
import org.ahibridge.importing.PollingRuns;
import org.ahibridge.importing.QuietSources;
import org.ahibridge.importing.SourcePasses;
import org.ahibridge.storage.AccessGuard;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.Registrations;
import org.ahibridge.storage.StorageSelection;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code importDiscovery} bean of routes/import-pass.camel.yaml. {@link #pass} checks the sources of
 * {@link ImportHeaders#SOURCE} (default: {@code ahibridge.routes.import.sources}) against the datastore of
 * {@link ImportHeaders#DATASTORE} (access modes, tagging) and returns one listing pass over them as a lazy
 * iterator of ledger rows, for the route's streaming split. {@link #passed} ends the pass: quiet sources
 * (header {@code AhiBridgeSourceQuiet}) and header {@code AhiBridgeTaken}.
 */
public final class DiscoveryStep {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryStep.class);
    static final String DEFAULT_RULES = "direct:import-rules";

    private final ImportRouteProperties properties;
    private final Registrations registrations;
    private final ImportRunner runner;
    private final IncrementalLister lister;
    private final PollingRuns runs;
    private final Function<String, BlobStore> stores;
    private final QuietSources quiet;

    public DiscoveryStep(ImportRouteProperties properties, Registrations registrations, ImportRunner runner,
            IncrementalLister lister, PollingRuns runs, Function<String, BlobStore> stores, QuietSources quiet) {
        this.properties = properties;
        this.registrations = registrations;
        this.runner = runner;
        this.lister = lister;
        this.runs = runs;
        this.stores = stores;
        this.quiet = quiet;
    }

    /** One listing pass over the exchange's sources; sets the datastore and rules headers when absent. */
    public SourcePasses pass(Exchange exchange) {
        Message message = exchange.getMessage();
        String datastoreName = message.getHeader(ImportHeaders.DATASTORE, properties.datastore(), String.class);
        message.setHeader(ImportHeaders.DATASTORE, datastoreName);
        if (message.getHeader(ImportHeaders.RULES) == null) {
            message.setHeader(ImportHeaders.RULES, DEFAULT_RULES);
        }
        DatastoreRegistration datastore = registrations.datastore(datastoreName);
        List<SourcePasses.Source> sources = new ArrayList<>();
        for (String name : names(message.getHeader(ImportHeaders.SOURCE, String.class))) {
            StorageSelection selection = registrations.resolveStorage(name);
            AccessGuard.requireImport(selection, datastore);
            runner.requireSourceTagging(selection);
            String storage = selection.registration().name();
            String runId = runs.current(storage, selection.prefix(), datastore.name());
            runs.passStarted(storage); // a pass that fails half-way proves nothing about quiet
            sources.add(new SourcePasses.Source(runId, stores.apply(storage), storage, selection.prefix(),
                    datastore.name()));
        }
        return new SourcePasses(lister, sources, false);
    }

    /**
     * Ends the pass in the body (its iterator exhausted by the split); sets headers AhiBridgeTaken and
     * AhiBridgeSourceQuiet (every source of the pass was quiet: import-pass completes the open batch).
     */
    public void passed(Exchange exchange) throws InvalidPayloadException {
        SourcePasses pass = exchange.getMessage().getMandatoryBody(SourcePasses.class);
        String datastore = exchange.getMessage().getHeader(ImportHeaders.DATASTORE, String.class);
        exchange.getMessage().setHeader(ImportHeaders.SOURCE_QUIET, quiet.passed(pass, datastore));
        exchange.getMessage().setHeader("AhiBridgeTaken", pass.taken());
        if (pass.taken() > 0) {
            LOG.info("Polling took {} new objects for datastore '{}'", pass.taken(), datastore);
        }
    }

    private List<String> names(String header) {
        if (header == null || header.isBlank()) {
            return properties.sources();
        }
        return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
