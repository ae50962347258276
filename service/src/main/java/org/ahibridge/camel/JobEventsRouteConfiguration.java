package org.ahibridge.camel;

import java.util.Optional;

import org.ahibridge.importing.JobSignals;
import org.ahibridge.ledger.Batches;
import org.ahibridge.storage.Registrations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The bean of routes/import-job-events.camel.yaml; see docs/import-pipeline.md §12.1. */
@Configuration(proxyBeanMethods = false)
public class JobEventsRouteConfiguration {

    /** Use in YAML as {@code method: { ref: importJobEvents, method: finished }}. */
    @Bean("importJobEvents")
    public ImportJobEvents importJobEvents(ObjectProvider<ObjectMapper> json, Registrations registrations,
            Batches batches, ObjectProvider<JobSignals> signals,
            ImportRouteProperties routes) {
        return new ImportJobEvents(json.getIfAvailable(ObjectMapper::new), registrations, batches,
                Optional.ofNullable(signals.getIfAvailable()), routes.datastore());
    }
}
