package org.ahibridge.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.ahibridge.AhiBridgeApplication;
import org.ahibridge.eventbridge.JobEventRule;
import org.ahibridge.eventbridge.OutcomeEventPublisher;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Job completion by AHI's EventBridge events over the real wire (emulator AHI + EventBridge, s3proxy,
 * ElasticMQ, real SDK clients, the real aws2-sqs consumer of routes/import-job-events.camel.yaml): the
 * service provisions its rule at startup; import jobs are followed only on their "Import Job Completed"
 * events, since the GetDICOMImportJob fallback is one hour away; and every terminal outcome is published
 * as an event on the outcome bus, which a rule of the test's own delivers to a queue.
 */
@CamelSpringBootTest
@SpringBootTest(classes = AhiBridgeApplication.class)
@DirtiesContext
class ImportJobEventsIT extends JobEventsStack {

    static final Path TEMP = tempDirectory("job-events-it");
    static final String BUCKET = "landing-events";
    static final String QUEUE = "import-job-events";
    static final String RULE = "ahi-bridge-import-jobs";
    static final String OUTCOME_BUS = "ahi-bridge-outcomes";
    static final String OUTCOME_QUEUE = "file-outcomes";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        configure(registry, TEMP, BUCKET, QUEUE, RULE, Duration.ofHours(1));
        try (EventBridgeClient events = events(); SqsClient sqs = sqs()) {
            sqs.createQueue(b -> b.queueName(OUTCOME_QUEUE));
            events.createEventBus(b -> b.name(OUTCOME_BUS));
            events.putRule(b -> b.name("outcomes-to-queue").eventBusName(OUTCOME_BUS)
                    .eventPattern("{\"source\":[\"ahi-bridge\"],\"detail-type\":[\"Import File Outcome\"]}"));
            events.putTargets(b -> b.rule("outcomes-to-queue").eventBusName(OUTCOME_BUS)
                    .targets(t -> t.id("q").arn("arn:aws:sqs:" + AWS.region() + ":" + AWS.accountId() + ":"
                            + OUTCOME_QUEUE)));
        }
        registry.add("ahibridge.import.outcome-events.bus", () -> OUTCOME_BUS);
        registry.add("ahibridge.import.outcome-events.region", AWS::region);
        registry.add("ahibridge.import.outcome-events.endpoint", () -> AWS.eventBridge().toString());
    }

    static ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProducerTemplate polling;

    @Autowired
    OutcomeEventPublisher outcomeEvents;

    @Autowired
    void remember(ConfigurableApplicationContext applicationContext) {
        context = applicationContext;
    }

    @AfterAll
    static void stop() {
        // The routes stop before the emulator they poll (the extension stops it next) and the context closes.
        if (context != null && context.isActive()) {
            context.getBean(org.apache.camel.CamelContext.class).stop();
        }
    }

    @Test
    void shouldProvisionTheRuleForTheDatastoreWithTheQueueAsTarget() throws Exception {
        try (EventBridgeClient events = events()) {
            DescribeRuleResponse rule = events.describeRule(b -> b.name(RULE));
            List<Target> targets = events.listTargetsByRule(b -> b.rule(RULE)).targets();

            assertThat(rule.stateAsString()).isEqualTo("ENABLED");
            assertThat(rule.eventBusName()).isEqualTo("default");
            assertThat(new ObjectMapper().readTree(rule.eventPattern())).isEqualTo(new ObjectMapper().readTree("""
                    {"source": ["aws.medical-imaging"],
                     "detail-type": ["Import Job Completed", "Import Job Failed"],
                     "detail": {"datastoreId": ["%s"]}}""".formatted(DATASTORE_ID)));
            assertThat(targets).singleElement().satisfies(t -> {
                assertThat(t.id()).isEqualTo(JobEventRule.TARGET_ID);
                assertThat(t.arn()).isEqualTo("arn:aws:sqs:" + AWS.region() + ":" + AWS.accountId() + ":" + QUEUE);
            });
        }
    }

    @Test
    void shouldCompleteJobsOnTheirEventsAndPublishOneOutcomeEventPerFile() throws Exception {
        List<String> keys = upload(BUCKET, "completing/", 3);
        long publishedBefore = outcomeEvents.published();

        discover(polling, jdbc, keys);

        // With the GetDICOMImportJob fallback an hour away, only the events can finish these jobs in time.
        Map<String, String> outcomes = awaitOutcomes(jdbc, keys);
        assertThat(outcomes).containsEntry("completing/readme.txt", "SKIPPED_NOT_P10")
                .containsEntry("completing/image 0.dcm", "IMPORTED").containsEntry("completing/image 1.dcm", "IMPORTED")
                .containsEntry("completing/image 2.dcm", "IMPORTED");

        List<JsonNode> published = receive(OUTCOME_QUEUE, keys.size());
        assertThat(published).extracting(e -> e.get("detail").get("key").asText())
                .containsExactlyInAnyOrderElementsOf(keys);
        assertThat(published).allSatisfy(event -> {
            assertThat(event.get("source").asText()).isEqualTo("ahi-bridge");
            assertThat(event.get("detail-type").asText()).isEqualTo("Import File Outcome");
            Set<String> fields = new TreeSet<>();
            event.get("detail").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("runId", "storage", "key", "version", "outcome", "reason",
                    "imageSetId", "isPrimary");
            assertThat(event.get("detail").get("storage").asText()).isEqualTo("landing");
            assertThat(event.get("detail").get("outcome").asText())
                    .isEqualTo(outcomes.get(event.get("detail").get("key").asText()));
        });
        assertThat(published).filteredOn(e -> e.get("detail").get("outcome").asText().equals("IMPORTED"))
                .hasSize(3).allSatisfy(e -> {
                    assertThat(e.get("detail").get("imageSetId").asText()).matches("[0-9a-f]{32}");
                    assertThat(e.get("detail").get("isPrimary").asBoolean()).isTrue();
                });
        assertThat(outcomeEvents.failed()).isZero();
        assertThat(outcomeEvents.published() - publishedBefore).isEqualTo(keys.size());
    }

    @Test
    void shouldFailTheFilesOfAJobOnItsImportJobFailedEvent() throws Exception {
        EMULATOR.faults().failJobs(1, 0, "Injected job failure for the test");
        try {
            List<String> keys = upload(BUCKET, "failing/", 2);

            discover(polling, jdbc, keys);

            Map<String, String> outcomes = awaitOutcomes(jdbc, keys);
            assertThat(outcomes).containsEntry("failing/image 0.dcm", "FAILED")
                    .containsEntry("failing/image 1.dcm", "FAILED").containsEntry("failing/readme.txt", "SKIPPED_NOT_P10");
            assertThat(jdbc.sql("select outcome_reason from source_object where object_key = ?")
                    .param("failing/image 0.dcm").query(String.class).single())
                    .contains("Injected job failure for the test");
            assertThat(receive(OUTCOME_QUEUE, keys.size()))
                    .extracting(e -> e.get("detail").get("key").asText() + "=" + e.get("detail").get("outcome").asText())
                    .containsExactlyInAnyOrder("failing/image 0.dcm=FAILED", "failing/image 1.dcm=FAILED",
                            "failing/readme.txt=SKIPPED_NOT_P10");
        } finally {
            EMULATOR.faults().clear();
        }
    }

    /** Receives exactly {@code count} messages (waiting up to 20 s), then checks that no more arrive. */
    static List<JsonNode> receive(String queue, int count) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> received = new ArrayList<>();
        try (SqsClient sqs = sqs()) {
            String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (Message message : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages()) {
                    received.add(json.readTree(message.body()));
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                }
                return received.size() >= count;
            });
            assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages()).isEmpty();
        }
        return received;
    }
}
