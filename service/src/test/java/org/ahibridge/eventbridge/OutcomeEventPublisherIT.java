package org.ahibridge.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.emulator.eventbridge.EventBridgeEmulator;
import org.ahibridge.emulator.eventbridge.EventBridgeHttpServer;
import org.ahibridge.emulator.sqs.SqsServer;
import org.ahibridge.ledger.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The outcome-event publisher against the emulated EventBridge (which refuses more than 10 entries per
 * PutEvents, as AWS does) delivering to ElasticMQ: 25 outcomes arrive as 25 events; a bus that does not
 * exist, or no EventBridge at all, costs counted failures and never an exception to the caller.
 */
class OutcomeEventPublisherIT {

    static SqsServer sqsServer;
    static SqsClient sqs;
    static EventBridgeEmulator emulator;
    static EventBridgeHttpServer http;

    @BeforeAll
    static void start() throws IOException {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        sqsServer = SqsServer.start(0);
        sqs = AwsClients.sqs("us-east-1", sqsServer.endpoint());
        emulator = new EventBridgeEmulator(sqs);
        http = EventBridgeHttpServer.start(emulator, 0);
        try (EventBridgeClient events = AwsClients.events("us-east-1", http.endpoint())) {
            sqs.createQueue(b -> b.queueName("outcomes"));
            events.createEventBus(b -> b.name("audit"));
            events.putRule(b -> b.name("all").eventBusName("audit").eventPattern("{\"source\":[\"ahi-bridge\"]}"));
            events.putTargets(b -> b.rule("all").eventBusName("audit")
                    .targets(t -> t.id("q").arn("arn:aws:sqs:us-east-1:123456789012:outcomes")));
        }
    }

    @AfterAll
    static void stop() {
        http.close();
        emulator.close();
        sqs.close();
        sqsServer.close();
    }

    static AuditRecord record(int i, Outcome outcome) {
        return new AuditRecord(Instant.parse("2026-03-01T10:00:00Z"), "run-1", "inbox", "scans/" + i + ".dcm", "etag-" + i,
                100, "main", outcome, outcome == Outcome.IMPORTED ? null : "Missing 'DICM' prefix", "batch-1",
                "staging/batch-1/" + i, "job-1", outcome == Outcome.IMPORTED ? "ab".repeat(16) : null, 1,
                outcome == Outcome.IMPORTED ? Boolean.TRUE : null, "1.2.3." + i, "1.2.3", "1.2.3.4", "1.2.840.10008.1.2.1", 1);
    }

    @Test
    void shouldPublishEveryOutcomeInBatchesOfAtMostTen() throws Exception {
        try (OutcomeEventPublisher publisher = new OutcomeEventPublisher(AwsClients.events("us-east-1", http.endpoint()),
                "audit", "ahi-bridge", "Import File Outcome", 100)) {
            IntStream.range(0, 25).forEach(i -> publisher.publish(record(i, i % 5 == 0 ? Outcome.SKIPPED_NOT_P10
                    : Outcome.IMPORTED)));

            List<JsonNode> events = receive(25);

            assertThat(events).extracting(e -> e.get("detail").get("key").asText())
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 25).mapToObj(i -> "scans/" + i + ".dcm").toList());
            JsonNode skipped = events.stream().filter(e -> e.get("detail").get("key").asText().equals("scans/5.dcm"))
                    .findFirst().orElseThrow();
            assertThat(skipped.get("detail").toString()).isEqualTo("{\"runId\":\"run-1\",\"storage\":\"inbox\","
                    + "\"key\":\"scans/5.dcm\",\"version\":\"etag-5\",\"outcome\":\"SKIPPED_NOT_P10\","
                    + "\"reason\":\"Missing 'DICM' prefix\",\"imageSetId\":null,\"isPrimary\":null}");
            assertThat(skipped.get("time").asText()).isEqualTo("2026-03-01T10:00:00Z");
            assertThat(publisher.published()).isEqualTo(25);
            assertThat(publisher.failed()).isZero();
        }
    }

    @Test
    void shouldCountEventsABusRefusesWithoutFailingTheCaller() {
        try (OutcomeEventPublisher publisher = new OutcomeEventPublisher(AwsClients.events("us-east-1", http.endpoint()),
                "no-such-bus", "ahi-bridge", "Import File Outcome", 100)) {
            publisher.publish(record(1, Outcome.IMPORTED));
            publisher.publish(record(2, Outcome.FAILED));

            await().atMost(Duration.ofSeconds(10)).until(() -> publisher.failed() == 2);
            assertThat(publisher.published()).isZero();
        }
    }

    @Test
    void shouldCountEventsWhenEventBridgeIsUnreachableAndWhenItsQueueIsFull() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (OutcomeEventPublisher publisher = new OutcomeEventPublisher(AwsClients.events("us-east-1", closed),
                "audit", "ahi-bridge", "Import File Outcome", 10)) {
            // The first ten fill the queue or the batch in flight; the rest may not fit, and never block.
            IntStream.range(0, 40).forEach(i -> publisher.publish(record(i, Outcome.IMPORTED)));

            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.failed() == 40);
            assertThat(publisher.published()).isZero();
        }
    }

    static List<JsonNode> receive(int count) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String url = sqs.getQueueUrl(b -> b.queueName("outcomes")).queueUrl();
        List<JsonNode> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (Message message : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                received.add(json.readTree(message.body()));
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
            return received.size() >= count;
        });
        return received;
    }
}
