package org.ahibridge.audit;

import java.time.Clock;

import org.ahibridge.ledger.NonPrimaryImageSets;
import org.ahibridge.ledger.SourceTags;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The JSON-lines audit sink and the run report writer under {@code ahibridge.audit.directory}. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean(destroyMethod = "close")
    JsonLinesAuditSink auditSink(AuditProperties properties) {
        return new JsonLinesAuditSink(properties.directory());
    }

    @Bean
    RunReportWriter runReportWriter(AuditProperties properties, Clock clock,
            ObjectProvider<NonPrimaryImageSets> nonPrimaryImageSets, ObjectProvider<SourceTags> sourceTags) {
        return new RunReportWriter(properties.directory(), clock, nonPrimaryImageSets.getIfAvailable(),
                sourceTags.getIfAvailable());
    }
}
