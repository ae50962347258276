package org.ahibridge.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.ahibridge.emulator.sqs.SqsServer;
import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.RegistrationProperties;
import org.ahibridge.storage.Registrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Startup of the EventBridge features: nothing is created while they are off (the embedded default), and
 * a misconfiguration stops the context with the key to fix (a real SQS server answers the queue lookup).
 */
class EventBridgeStartupIT {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({JobEventsProperties.class, OutcomeEventsProperties.class})
    static class Properties {
    }

    static SqsServer sqs;

    @BeforeAll
    static void start() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        sqs = SqsServer.start(0);
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    final ApplicationContextRunner runner = runner(AccessMode.READ_WRITE);

    static ApplicationContextRunner runner(AccessMode datastoreAccess) {
        Registrations registrations = Registrations.from(new RegistrationProperties(null, null, null))
                .withDatastore(new DatastoreRegistration("main", "0123456789abcdef0123456789abcdef", "us-east-1",
                        URI.create("http://127.0.0.1:1"), null, null, null, datastoreAccess));
        return new ApplicationContextRunner().withUserConfiguration(Properties.class, EventBridgeConfiguration.class)
                .withBean(Registrations.class, () -> registrations);
    }

    @Test
    void shouldCreateNothingWhileTheFeaturesAreOff() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(EventBridgeConfiguration.JobEventsSetup.class);
            assertThat(context).doesNotHaveBean(SqsClient.class);
            assertThat(context).doesNotHaveBean(OutcomeEventPublisher.class);
        });
    }

    @Test
    void shouldRefuseToStartWhenNoRouteConsumesTheQueue() {
        runner.withPropertyValues("ahibridge.import.job-events.enabled=true",
                "ahibridge.import.job-events.queue=jobs").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
                            "Job events are misconfigured").hasMessageContaining("ahibridge.import.job-events.from must"
                                    + " consume the queue, e.g. aws2-sqs:jobs?amazonSQSClient=#jobEventsSqsClient");
                });
    }

    @Test
    void shouldRefuseToStartWhenTheQueueDoesNotExist() {
        runner.withPropertyValues("ahibridge.import.job-events.enabled=true", "ahibridge.import.job-events.queue=missing",
                "ahibridge.import.job-events.from=aws2-sqs:missing", "ahibridge.import.job-events.region=us-east-1",
                "ahibridge.import.job-events.queue-endpoint=" + sqs.endpoint()).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("ahibridge.import.job-events.queue 'missing' does not exist in"
                                    + " region us-east-1: create it");
                });
    }

    @Test
    void shouldRefuseToStartWhenNoDatastoreTakesImports() {
        try (SqsClient client = AwsClients.sqs("us-east-1", sqs.endpoint())) {
            client.createQueue(b -> b.queueName("jobs"));
        }
        runner(AccessMode.READ).withPropertyValues("ahibridge.import.job-events.enabled=true",
                "ahibridge.import.job-events.queue=jobs", "ahibridge.import.job-events.from=aws2-sqs:jobs",
                "ahibridge.import.job-events.region=us-east-1",
                "ahibridge.import.job-events.queue-endpoint=" + sqs.endpoint()).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("no registered datastore allows import");
                });
    }

    @Test
    void shouldRefuseAnAwsSourceForOutcomeEvents() {
        runner.withPropertyValues("ahibridge.import.outcome-events.bus=outcomes",
                "ahibridge.import.outcome-events.source=aws.ahi-bridge").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("EventBridge reserves aws.*");
                });
    }
}
