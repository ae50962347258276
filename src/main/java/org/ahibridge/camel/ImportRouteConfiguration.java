package org.ahibridge.camel;

import java.time.Clock;

import org.ahibridge.importing.BatchAssembler;
import org.ahibridge.importing.BatchIds;
import org.ahibridge.importing.ImportRunner;
import org.ahibridge.importing.IncrementalLister;
import org.ahibridge.importing.OneShotImports;
import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.storage.Registrations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Route-facing beans of the import routes (routes/import-*.camel.yaml); see docs/import-pipeline.md §9. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportRouteProperties.class)
public class ImportRouteConfiguration {

    /** Use in YAML as {@code bean: { ref: pollingImport, method: poll }} and {@code method: advance}. */
    @Bean("pollingImport")
    public PollingImport pollingImport(ImportRouteProperties properties, Registrations registrations,
            OneShotImports oneShotImports, IncrementalLister incrementalLister, ImportRunner importRunner,
            BatchAssembler batchAssembler, Batches batches, ImportRuns runs, Clock clock) {
        return new PollingImport(properties, registrations, oneShotImports, incrementalLister, importRunner,
                batchAssembler, batches, runs, new BatchIds(clock));
    }
}
