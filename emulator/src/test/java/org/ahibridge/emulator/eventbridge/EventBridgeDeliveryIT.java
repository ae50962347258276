package org.ahibridge.emulator.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.sqs.model.Message;

/** PutEvents and {@link EventBridgeEmulator#publish}: rules match, SQS targets receive the events. */
class EventBridgeDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmulatedAws aws;
    private static EventBridgeClient events;

    @BeforeAll
    static void start() {
        aws = new EmulatedAws(null);
        events = aws.events;
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void shouldDeliverAMatchingEventToTheQueueOfTheRule() throws Exception {
        String queue = aws.createQueue("orders");
        events.putRule(b -> b.name("big-orders").eventPattern(
                "{\"source\":[\"shop.orders\"],\"detail\":{\"amount\":[{\"numeric\":[\">\",100]}]}}"));
        events.putTargets(b -> b.rule("big-orders").targets(t -> t.id("orders-queue").arn(EmulatedAws.queueArn("orders"))));

        PutEventsResponse response = events.putEvents(b -> b.entries(
                entry("shop.orders", "Order Placed", "{\"amount\": 5, \"order\": \"small\"}"),
                entry("shop.orders", "Order Placed", "{\"amount\": 500, \"order\": \"big\"}")));

        assertThat(response.failedEntryCount()).isZero();
        List<JsonNode> received = awaitMessages(queue, 1);
        JsonNode event = received.get(0);
        assertThat(event.get("detail").get("order").asText()).isEqualTo("big");
        assertThat(event.get("id").asText()).isEqualTo(response.entries().get(1).eventId());
        assertThat(event.get("version").asText()).isEqualTo("0");
        assertThat(event.get("detail-type").asText()).isEqualTo("Order Placed");
        assertThat(event.get("source").asText()).isEqualTo("shop.orders");
        assertThat(event.get("account").asText()).isEqualTo("123456789012");
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        assertThat(event.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(event.get("resources").isArray()).isTrue();
        assertThat(queueIsEmpty(queue)).isTrue();
    }

    @Test
    void shouldReportEachInvalidEntryAndDeliverTheValidOnes() {
        PutEventsResponse response = events.putEvents(b -> b.entries(
                entry("shop.orders", "Order Placed", "{}"),
                PutEventsRequestEntry.builder().detailType("No Source").detail("{}").build(),
                PutEventsRequestEntry.builder().source("shop.orders").detail("{}").build(),
                entry("shop.orders", "Order Placed", "[1, 2]"),
                entry("shop.orders", "Order Placed", "{broken"),
                entry("aws.medical-imaging", "Import Job Completed", "{}"),
                entry("shop.orders", "Order Placed", "{}").toBuilder().eventBusName("no-such-bus").build()));

        assertThat(response.failedEntryCount()).isEqualTo(6);
        assertThat(response.entries()).extracting(PutEventsResultEntry::errorCode).containsExactly(
                null, "InvalidArgument", "InvalidArgument", "MalformedDetail", "MalformedDetail",
                "NotAuthorizedForSourceException", "ResourceNotFoundException");
        assertThat(response.entries().get(0).eventId()).isNotBlank();
        assertThat(response.entries().get(1).errorMessage()).contains("Source");
    }

    @Test
    void shouldRejectMoreThanTenEntries() {
        List<PutEventsRequestEntry> eleven = IntStream.range(0, 11)
                .mapToObj(i -> entry("shop.orders", "Order Placed", "{}")).toList();

        assertThatThrownBy(() -> events.putEvents(b -> b.entries(eleven)))
                .isInstanceOf(EventBridgeException.class)
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
    }

    @Test
    void shouldKeepTheEventTimeGivenByTheCaller() throws Exception {
        String queue = aws.createQueue("timed");
        events.putRule(b -> b.name("timed").eventPattern("{\"source\":[\"clock\"]}"));
        events.putTargets(b -> b.rule("timed").targets(t -> t.id("q").arn(EmulatedAws.queueArn("timed"))));

        events.putEvents(b -> b.entries(entry("clock", "Tick", "{}").toBuilder()
                .time(Instant.parse("2024-03-14T00:01:00.750Z")).resources("arn:aws:s3:::bucket").build()));

        JsonNode event = awaitMessages(queue, 1).get(0);
        assertThat(event.get("time").asText()).isEqualTo("2024-03-14T00:01:00Z");
        assertThat(event.get("resources").get(0).asText()).isEqualTo("arn:aws:s3:::bucket");
    }

    @Test
    void shouldApplyInputAndInputPathOfTargets() {
        String constant = aws.createQueue("constant");
        String path = aws.createQueue("path");
        events.putRule(b -> b.name("shaped").eventPattern("{\"source\":[\"shaper\"]}"));
        events.putTargets(b -> b.rule("shaped").targets(
                t -> t.id("c").arn(EmulatedAws.queueArn("constant")).input("{\"fixed\":true}"),
                t -> t.id("p").arn(EmulatedAws.queueArn("path")).inputPath("$.detail")));

        events.putEvents(b -> b.entries(entry("shaper", "Shape", "{\"jobId\":\"j1\"}")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(bodies(constant)).containsExactly("{\"fixed\":true}");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(bodies(path)).containsExactly("{\"jobId\":\"j1\"}");
        });
    }

    @Test
    void shouldNotDeliverThroughADisabledRuleOrToAnotherBus() throws Exception {
        String queue = aws.createQueue("quiet");
        events.createEventBus(b -> b.name("other"));
        events.putRule(b -> b.name("disabled").eventPattern("{\"source\":[\"muted\"]}").state(RuleState.DISABLED));
        events.putTargets(b -> b.rule("disabled").targets(t -> t.id("q").arn(EmulatedAws.queueArn("quiet"))));
        events.putRule(b -> b.name("on-other").eventBusName("other").eventPattern("{\"source\":[\"muted\",\"marker\"]}"));
        events.putTargets(b -> b.rule("on-other").eventBusName("other")
                .targets(t -> t.id("q").arn(EmulatedAws.queueArn("quiet"))));

        events.putEvents(b -> b.entries(entry("muted", "Muted", "{\"n\":1}"),
                entry("marker", "Marker", "{\"n\":2}").toBuilder().eventBusName("other").build()));

        // Delivery is in order, so once the marker (sent to the other bus) is in, a wrong delivery would be too.
        List<JsonNode> received = awaitMessages(queue, 1);
        assertThat(received).extracting(e -> e.get("source").asText()).containsExactly("marker");
    }

    @Test
    void shouldDeliverAPublishedAhiEventMatchedOnSourceDetailTypeAndDatastore() throws Exception {
        String queue = aws.createQueue("ahi-jobs");
        events.putRule(b -> b.name("ahi-job-done").eventPattern("""
                {"source": ["aws.medical-imaging"], "detail-type": ["Import Job Completed"],
                 "detail": {"datastoreId": ["bbc4f3cccbae4095a34170fddc19b13d"]}}"""));
        events.putTargets(b -> b.rule("ahi-job-done").targets(t -> t.id("jobs").arn(EmulatedAws.queueArn("ahi-jobs"))));
        JsonNode detail = JSON.readTree("""
                {"imagingVersion": "1.0", "datastoreId": "bbc4f3cccbae4095a34170fddc19b13d",
                 "jobId": "a6a1d220f152e7aab6d8925d995d8b76", "jobName": "batch-1", "jobStatus": "COMPLETED",
                 "inputS3Uri": "s3://staging/batch-1/", "outputS3Uri": "s3://output/logs/"}""");
        String datastoreArn = "arn:aws:medical-imaging:us-east-1:123456789012:datastore/bbc4f3cccbae4095a34170fddc19b13d";

        aws.emulator.publish(new AwsEvent("aws.medical-imaging", "Import Job Submitted", List.of(datastoreArn), detail));
        aws.emulator.publish(new AwsEvent("aws.medical-imaging", "Import Job Completed", List.of(datastoreArn),
                ((com.fasterxml.jackson.databind.node.ObjectNode) detail.deepCopy()).put("datastoreId", "another")));
        aws.emulator.publish(new AwsEvent("aws.medical-imaging", "Import Job Completed", List.of(datastoreArn), detail));

        List<JsonNode> received = awaitMessages(queue, 1);
        JsonNode event = received.get(0);
        assertThat(event.get("detail-type").asText()).isEqualTo("Import Job Completed");
        assertThat(event.get("source").asText()).isEqualTo("aws.medical-imaging");
        assertThat(event.get("resources")).extracting(JsonNode::asText).containsExactly(datastoreArn);
        assertThat(event.get("detail")).isEqualTo(detail);
        assertThat(event.get("id").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void shouldKeepDeliveringAfterATargetQueueWasMissingForAWhile() throws Exception {
        String queue = aws.createQueue("flaky");
        events.putRule(b -> b.name("flaky").eventPattern("{\"source\":[\"flaky\"]}"));
        events.putTargets(b -> b.rule("flaky").targets(t -> t.id("q").arn(EmulatedAws.queueArn("flaky"))));
        events.putEvents(b -> b.entries(entry("flaky", "First", "{}")));
        assertThat(awaitMessages(queue, 1)).extracting(e -> e.get("detail-type").asText()).containsExactly("First");

        aws.sqs.deleteQueue(b -> b.queueUrl(queue));
        events.putEvents(b -> b.entries(entry("flaky", "Lost", "{}")));
        String again = aws.createQueue("flaky");
        events.putEvents(b -> b.entries(entry("flaky", "Second", "{}")));

        assertThat(awaitMessages(again, 1)).extracting(e -> e.get("detail-type").asText()).contains("Second");
    }

    private static PutEventsRequestEntry entry(String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder().source(source).detailType(detailType).detail(detail).build();
    }

    /** Waits until {@code count} messages have arrived, then returns them as JSON (and removes them from the queue). */
    private static List<JsonNode> awaitMessages(String queueUrl, int count) throws Exception {
        List<Message> messages = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            messages.addAll(receive(queueUrl));
            return messages.size() >= count;
        });
        List<JsonNode> events = new ArrayList<>();
        for (Message message : messages) {
            events.add(JSON.readTree(message.body()));
        }
        return events;
    }

    private static List<String> bodies(String queueUrl) {
        return receive(queueUrl).stream().map(Message::body).toList();
    }

    private static List<Message> receive(String queueUrl) {
        List<Message> messages = aws.sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        messages.forEach(m -> aws.sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return messages;
    }

    private static boolean queueIsEmpty(String queueUrl) {
        return receive(queueUrl).isEmpty();
    }
}
