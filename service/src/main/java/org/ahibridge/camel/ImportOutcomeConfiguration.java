package org.ahibridge.camel;

import java.util.List;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.audit.AuditRecordJson;
import org.ahibridge.audit.AuditSink;
import org.ahibridge.audit.JsonLinesAuditSink;
import org.ahibridge.eventbridge.OutcomeEventPublisher;
import org.ahibridge.metrics.PipelineMeters;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans of the outcome route (routes/import-outcome.camel.yaml, routes/import-failed.camel.yaml): the
 * sink that turns every terminal outcome into a message on {@code direct:import-outcome}, and the steps
 * the route calls.
 */
@Configuration(proxyBeanMethods = false)
public class ImportOutcomeConfiguration {

    /** Every terminal import outcome the ledger accepted goes here (AuditedOutcomes). */
    @Bean("importOutcomeSink")
    RoutedOutcomes importOutcomeSink(ObjectProvider<CamelContext> camel, JsonLinesAuditSink auditSink,
            OutcomeEvents importOutcomeEvents) {
        AuditSink direct = AuditSink.all(List.of(auditSink, importOutcomeEvents::publish));
        return new RoutedOutcomes(camel::getIfAvailable, direct);
    }

    /** {@code bean: { ref: importOutcomeEvents, method: publish }}: the EventBridge outcome event, when on. */
    @Bean("importOutcomeEvents")
    OutcomeEvents importOutcomeEvents(ObjectProvider<OutcomeEventPublisher> publisher) {
        return new OutcomeEvents(publisher::getIfAvailable);
    }

    /** {@code bean: { ref: importOutcomeMeter, method: count }}: the outcome counter of the Prometheus endpoint. */
    @Bean("importOutcomeMeter")
    ImportOutcomeMeter importOutcomeMeter() {
        return new ImportOutcomeMeter(PipelineMeters.process());
    }

    /** {@code method: { ref: importOutcomeJson, method: toJson }}: the body as its audit line's JSON. */
    @Bean("importOutcomeJson")
    OutcomeJson importOutcomeJson() {
        return new OutcomeJson();
    }

    /** The audit record of an outcome message as JSON text. */
    public static final class OutcomeJson {
        public String toJson(AuditRecord record) {
            return AuditRecordJson.toJson(record);
        }
    }
}
