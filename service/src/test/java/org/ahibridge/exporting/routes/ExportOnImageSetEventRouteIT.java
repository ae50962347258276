package org.ahibridge.exporting.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.sqs.SqsServer;
import org.ahibridge.exporting.ExportProperties;

/**
 * routes/optional/export-on-image-set-event.camel.yaml against a real SQS server (ElasticMQ): an
 * "Image Set Created" event mirrors its image set, other events are ignored, messages are consumed.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ExportOnImageSetEventRouteIT.App.class, properties = {
    "camel.main.routes-include-pattern=file:routes/error-handling.camel.yaml,"
            + "file:routes/optional/export-on-image-set-event.camel.yaml",
    "camel.main.run-controller=false", "ahibridge.export.mirror.enabled=true",
    "ahibridge.export.mirror.queue=image-set-events", "ahibridge.export.mirror.destination=s3://mirror-bucket/m/",
    "camel.component.aws2-sqs.wait-time-seconds=1",
    "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"})
@DirtiesContext
class ExportOnImageSetEventRouteIT {

    static SqsServer server;
    static CamelContext camel;

    @DynamicPropertySource
    static void sqs(DynamicPropertyRegistry registry) throws IOException {
        server = SqsServer.start(0, "us-east-1", "123456789012");
        registry.add("test.sqs.endpoint", () -> server.endpoint().toString());
    }

    @Autowired
    void remember(CamelContext context) {
        camel = context;
    }

    /**
     * The route's SQS consumer stops before the server it polls. Left running, the cached context polled the
     * stopped server for the rest of the test JVM: an error and a stack trace a second in every later test's log.
     */
    @AfterAll
    static void stop() {
        if (camel != null) {
            camel.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableConfigurationProperties(ExportProperties.class)
    static class App {
        @Bean("exportService")
        RecordingExportService exportService(ExportProperties properties) {
            return new RecordingExportService(properties);
        }

        @Bean
        SqsClient amazonSQSClient(org.springframework.core.env.Environment environment) {
            SqsClient client = SqsClient.builder().endpointOverride(java.net.URI.create(
                    environment.getProperty("test.sqs.endpoint"))).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(Emulator.CREDENTIALS)).build();
            client.createQueue(b -> b.queueName("image-set-events"));
            return client;
        }
    }

    @Autowired
    RecordingExportService service;

    @Autowired
    SqsClient sqs;

    @Test
    void shouldMirrorCreatedImageSetsAndIgnoreOtherEvents() {
        String queue = sqs.getQueueUrl(b -> b.queueName("image-set-events")).queueUrl();
        String imageSet = "0123456789abcdef0123456789abcdef";
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"source\":\"aws.medical-imaging\","
                + "\"detail-type\":\"Import Job Completed\",\"detail\":{\"jobId\":\"x\"}}"));
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"source\":\"aws.medical-imaging\","
                + "\"detail-type\":\"Image Set Created\",\"detail\":{\"imageSetId\":\"" + imageSet + "\","
                + "\"datastoreId\":\"" + "d".repeat(32) + "\",\"isPrimary\":true}}"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !service.calls.isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> sqs.getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings().values().stream().allMatch("0"::equals));

        assertThat(service.calls).singleElement().satisfies(call -> {
            assertThat(call.selection().imageSetIds()).containsExactly(imageSet);
            assertThat(call.destination()).isEqualTo("s3://mirror-bucket/m/");
            assertThat(call.incremental()).isFalse();
        });
    }
}
