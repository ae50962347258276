package org.ahibridge.status;

import java.time.Clock;

import org.ahibridge.audit.AuditProperties;
import org.ahibridge.audit.RunReportWriter;
import org.ahibridge.camel.ImportRouteProperties;
import org.ahibridge.importing.OneShotImports;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.ledger.NonPrimaryImageSets;
import org.ahibridge.ledger.SourceTags;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The status page and its API, on the service's HTTP port only: one-shot commands run without a web server, and
 * get none of this. {@code ahibridge.status.enabled: false} leaves them out of the service too. The controllers
 * ({@link StatusPage}, {@link StatusApi}) are found by component scanning under the same two conditions.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "ahibridge.status.enabled", havingValue = "true", matchIfMissing = true)
public class StatusConfiguration {

    @Bean
    StatusService statusService(JdbcClient jdbc, ImportRuns runs, AuditProperties audit, StatusProperties properties,
            ObjectProvider<NonPrimaryImageSets> nonPrimary, ObjectProvider<SourceTags> sourceTags,
            ObjectProvider<StatusRedrive> redrive, Clock clock) {
        RunReports reports = new RunReports(runs, audit.directory(), folder -> new RunReportWriter(folder, clock,
                nonPrimary.getIfAvailable(), sourceTags.getIfAvailable()));
        return new StatusService(new StatusQueries(jdbc), reports, properties, redrive.getIfAvailable(), clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "ahibridge.status.redrive-enabled", havingValue = "true")
    StatusRedrive statusRedrive(OneShotImports imports, ImportRouteProperties routes) {
        return new StatusRedrive(imports, routes.datastore());
    }
}
