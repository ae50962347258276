package org.ahibridge.emulator.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ahibridge.emulator.http.HttpReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS JSON 1.1 framing of {@link EventBridgeEmulator#handle}, without a server. */
class EventBridgeEmulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBridgeEmulator emulator = new EventBridgeEmulator(null);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void shouldAnswerInAwsJson11() throws Exception {
        HttpReply reply = emulator.handle("AWSEvents.ListEventBuses", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers()).containsEntry("Content-Type", "application/x-amz-json-1.1").containsKey("x-amzn-RequestId");
        assertThat(body(reply).get("EventBuses").get(0).get("Name").asText()).isEqualTo("default");
    }

    @Test
    void shouldAnswerUnknownOperationsWithAnErrorType() throws Exception {
        HttpReply reply = emulator.handle("AWSEvents.PutPermission", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers()).containsEntry("x-amzn-ErrorType", "UnknownOperationException");
        assertThat(body(reply).get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(emulator.handle(null, new byte[0]).status()).isEqualTo(400);
        assertThat(emulator.handle("Kinesis_20131202.PutRecord", new byte[0]).status()).isEqualTo(400);
    }

    @Test
    void shouldAnswerSerializationExceptionForABodyThatIsNotJson() throws Exception {
        HttpReply reply = emulator.handle("AWSEvents.PutRule", "{\"Name\":".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(body(reply).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void shouldNotThrowWhenAPublishedEventCannotBeDelivered() throws Exception {
        emulator.handle("AWSEvents.PutRule",
                "{\"Name\":\"r\",\"EventPattern\":\"{\\\"source\\\":[\\\"aws.medical-imaging\\\"]}\"}".getBytes(StandardCharsets.UTF_8));
        emulator.handle("AWSEvents.PutTargets",
                "{\"Rule\":\"r\",\"Targets\":[{\"Id\":\"q\",\"Arn\":\"arn:aws:sqs:us-east-1:123456789012:q\"}]}"
                        .getBytes(StandardCharsets.UTF_8));

        emulator.publish(new AwsEvent("aws.medical-imaging", "Data Store Created", List.of(), JSON.createObjectNode()));
        emulator.publish(new AwsEvent(null, null, null, null));

        assertThat(body(emulator.handle("AWSEvents.ListTargetsByRule", "{\"Rule\":\"r\"}".getBytes(StandardCharsets.UTF_8)))
                .get("Targets")).hasSize(1);
    }

    @Test
    void shouldRefuseACorruptStateFileWithAClearReason(@TempDir Path state) throws Exception {
        Files.writeString(state.resolve("eventbridge-state.json"), "{\"buses\": [");

        assertThatThrownBy(() -> new EventBridgeEmulator(null, "us-east-1", "123456789012", state))
                .hasMessageContaining("Cannot read the EventBridge state in")
                .hasMessageContaining("eventbridge-state.json");
    }

    @Test
    void shouldRefuseAStoredRuleWithAnInvalidPattern(@TempDir Path state) throws Exception {
        Files.writeString(state.resolve("eventbridge-state.json"), """
                {"buses": [{"name": "default", "createdEpochSeconds": 0}],
                 "rules": [{"name": "r", "bus": "default", "eventPattern": "{\\"source\\": \\"x\\"}",
                            "state": "ENABLED", "targets": []}]}""");

        assertThatThrownBy(() -> new EventBridgeEmulator(null, "us-east-1", "123456789012", state))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid pattern");
    }

    private static JsonNode body(HttpReply reply) throws Exception {
        return JSON.readTree(reply.body());
    }
}
