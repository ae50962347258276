package org.ahibridge.eventbridge;

import java.util.List;

import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.Registrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The EventBridge side of the import (docs/import-pipeline.md §7 and §12.1): at startup, checks the
 * job-events configuration and provisions its rule; the SQS client routes/import-job-events.camel.yaml
 * consumes with; the outcome-event publisher. Every bean exists only when its feature is configured, so
 * the embedded default makes no EventBridge or extra SQS call.
 */
@Configuration(proxyBeanMethods = false)
public class EventBridgeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EventBridgeConfiguration.class);

    /** What startup found and did for job events; its creation refuses a misconfiguration. */
    public record JobEventsSetup(List<String> datastoreIds, JobEventRule.Provisioned rule) {
    }

    @Bean
    @ConditionalOnProperty(name = "ahibridge.import.job-events.enabled", havingValue = "true")
    JobEventsSetup jobEventsSetup(JobEventsProperties properties, Registrations registrations) {
        List<String> problems = properties.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Job events are misconfigured:\n  - " + String.join("\n  - ", problems));
        }
        List<String> ids = registrations.datastores().stream().filter(d -> d.access().canWrite())
                .map(DatastoreRegistration::datastoreId).distinct().sorted().toList();
        if (ids.isEmpty()) {
            throw new IllegalStateException("ahibridge.import.job-events is enabled but no registered datastore allows"
                    + " import (access write or read-write): there are no job events to follow");
        }
        if (!properties.provisionRule()) {
            LOG.info("Job events: consuming {} for datastores {}; the EventBridge rule is managed outside the service"
                    + " (pattern: {})", properties.queueName(), ids, JobEventRule.pattern(ids));
            return new JobEventsSetup(ids, null);
        }
        try (EventBridgeClient events = AwsClients.events(properties.region(), properties.eventsEndpoint());
                SqsClient sqs = AwsClients.sqs(properties.region(), properties.queueEndpoint())) {
            JobEventRule.Provisioned rule = JobEventRule.provision(events, sqs, properties, ids);
            LOG.info("Job events: rule {} routes AHI job events of datastores {} to {}; GetDICOMImportJob fallback"
                    + " every {}", rule.ruleArn(), ids, rule.queueArn(), properties.fallbackInterval());
            return new JobEventsSetup(ids, rule);
        }
    }

    /** The client of {@code amazonSQSClient=#jobEventsSqsClient} in ahibridge.import.job-events.from. */
    @Bean(name = "jobEventsSqsClient", destroyMethod = "close")
    @ConditionalOnProperty(name = "ahibridge.import.job-events.enabled", havingValue = "true")
    SqsClient jobEventsSqsClient(JobEventsProperties properties) {
        return AwsClients.sqs(properties.region(), properties.queueEndpoint());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "ahibridge.import.outcome-events.bus")
    OutcomeEventPublisher outcomeEventPublisher(OutcomeEventsProperties properties) {
        LOG.info("Outcome events: one '{}' event per terminal file outcome to bus {}", properties.detailType(),
                properties.bus());
        return new OutcomeEventPublisher(AwsClients.events(properties.region(), properties.endpoint()),
                properties.bus(), properties.source(), properties.detailType(), properties.capacity());
    }
}
