package org.ahibridge.emulator.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.eventbridge.EventbridgeConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.ahibridge.emulator.junit.EmulatorExtension;

/**
 * The Camel components route authors use: camel-aws2-eventbridge producers against the emulator, and a
 * camel-aws2-sqs consumer on the SQS server that the rule's target feeds.
 */
class EventBridgeCamelIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREDENTIALS = "&region=us-east-1&accessKey=test&secretKey=test";
    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:camel-events";

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.create();

    private CamelContext camel;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @TempDir
    Path folder;

    @BeforeEach
    void start() {
        aws.sqs().createQueue(b -> b.queueName("camel-events"));
        camel = new DefaultCamelContext();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void shouldDeliverAnEventPutByTheCamelProducerToTheCamelSqsConsumer() throws Exception {
        Path pattern = folder.resolve("pattern.json");
        Files.writeString(pattern, "{\"source\": [\"ahi-bridge.audit\"], \"detail\": {\"outcome\": [\"IMPORTED\"]}}");
        String eventBridge = "aws2-eventbridge://default?overrideEndpoint=true&uriEndpointOverride=" + aws.endpoints().eventBridge()
                + CREDENTIALS;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:put-rule").to(eventBridge + "&operation=putRule&eventPatternFile=file:" + pattern);
                from("direct:put-event").to(eventBridge + "&operation=putEvent");
                from("aws2-sqs://camel-events?overrideEndpoint=true&uriEndpointOverride=" + aws.endpoints().sqs()
                        + CREDENTIALS + "&waitTimeSeconds=1&delay=100")
                        .process(exchange -> received.add(exchange.getMessage().getBody(String.class)));
            }
        });
        camel.start();
        ProducerTemplate producer = camel.createProducerTemplate();

        producer.sendBodyAndHeader("direct:put-rule", null, EventbridgeConstants.RULE_NAME, "camel-rule");
        aws.eventBridge().putTargets(b -> b.rule("camel-rule").targets(t -> t.id("q").arn(QUEUE_ARN)));
        Map<String, Object> headers = Map.of(
                EventbridgeConstants.EVENT_SOURCE, "ahi-bridge.audit",
                EventbridgeConstants.EVENT_DETAIL_TYPE, "File Imported",
                EventbridgeConstants.EVENT_RESOURCES_ARN, "arn:aws:s3:::inbox/a.dcm");
        producer.sendBodyAndHeaders("direct:put-event", "{\"outcome\": \"SKIPPED_NOT_P10\", \"key\": \"b.txt\"}", headers);
        producer.sendBodyAndHeaders("direct:put-event", "{\"outcome\": \"IMPORTED\", \"key\": \"a.dcm\"}", headers);

        await().atMost(Duration.ofSeconds(15)).until(() -> !received.isEmpty());
        JsonNode event = JSON.readTree(received.get(0));
        assertThat(event.get("detail").get("key").asText()).isEqualTo("a.dcm");
        assertThat(event.get("detail-type").asText()).isEqualTo("File Imported");
        assertThat(event.get("resources").get(0).asText()).isEqualTo("arn:aws:s3:::inbox/a.dcm");
        assertThat(received).hasSize(1);
        assertThat(aws.eventBridge().describeRule(b -> b.name("camel-rule")).eventPattern()).contains("ahi-bridge.audit");
    }

    @Test
    void shouldServeTheRuleOperationsOfTheCamelProducer() throws Exception {
        Path pattern = folder.resolve("pattern.json");
        Files.writeString(pattern, "{\"source\": [\"ahi-bridge.audit\"]}");
        String eventBridge = "aws2-eventbridge://default?overrideEndpoint=true&uriEndpointOverride=" + aws.endpoints().eventBridge()
                + CREDENTIALS + "&operation=";
        camel.start();
        ProducerTemplate producer = camel.createProducerTemplate();
        Map<String, Object> rule = Map.of(EventbridgeConstants.RULE_NAME, "ops-rule");

        producer.sendBodyAndHeaders(eventBridge + "putRule&eventPatternFile=file:" + pattern, null, rule);
        producer.sendBodyAndHeaders(eventBridge + "putTargets", null, Map.of(EventbridgeConstants.RULE_NAME, "ops-rule",
                EventbridgeConstants.TARGETS, List.of(software.amazon.awssdk.services.eventbridge.model.Target.builder()
                        .id("q").arn(QUEUE_ARN).build())));
        producer.sendBodyAndHeaders(eventBridge + "disableRule", null, rule);
        var described = producer.requestBodyAndHeaders(eventBridge + "describeRule", null, rule,
                software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse.class);
        var byTarget = producer.requestBodyAndHeader(eventBridge + "listRuleNamesByTarget", null,
                EventbridgeConstants.TARGET_ARN, QUEUE_ARN,
                software.amazon.awssdk.services.eventbridge.model.ListRuleNamesByTargetResponse.class);
        var listed = producer.requestBodyAndHeader(eventBridge + "listRules", null, EventbridgeConstants.RULE_NAME_PREFIX,
                "ops-", software.amazon.awssdk.services.eventbridge.model.ListRulesResponse.class);
        producer.sendBodyAndHeaders(eventBridge + "removeTargets", null, Map.of(EventbridgeConstants.RULE_NAME, "ops-rule",
                EventbridgeConstants.TARGETS_IDS, List.of("q")));
        producer.sendBodyAndHeaders(eventBridge + "deleteRule", null, rule);

        assertThat(described.stateAsString()).isEqualTo("DISABLED");
        assertThat(byTarget.ruleNames()).containsExactly("ops-rule");
        assertThat(listed.rules()).extracting(r -> r.name()).containsExactly("ops-rule");
        assertThat(aws.eventBridge().listRules(b -> b.namePrefix("ops-")).rules()).isEmpty();
    }
}
