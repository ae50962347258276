package org.ahibridge.emulator.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

class SqsServerIT {

    private static SqsServer server;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        server = SqsServer.start(0);
        sqs = SqsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        server.close();
    }

    @Test
    void shouldListenOnLoopbackWithAnEphemeralPort() {
        assertThat(server.port()).isPositive();
        assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void shouldReturnQueueUrlsThatNameTheRealPort() {
        String url = sqs.createQueue(b -> b.queueName("urls")).queueUrl();

        assertThat(url).isEqualTo(server.endpoint() + "/123456789012/urls");
        assertThat(sqs.getQueueUrl(b -> b.queueName("urls")).queueUrl()).isEqualTo(url);
    }

    @Test
    void shouldGiveQueuesAnArnInTheEmulatedRegionAndAccount() {
        String url = sqs.createQueue(b -> b.queueName("arns")).queueUrl();

        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);

        assertThat(arn).isEqualTo("arn:aws:sqs:us-east-1:123456789012:arns");
    }

    @Test
    void shouldDeliverASentMessageToAReceiver() {
        String url = sqs.createQueue(b -> b.queueName("roundtrip")).queueUrl();

        sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"hello\":\"world\"}"));
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)).messages();

        assertThat(messages).extracting(Message::body).containsExactly("{\"hello\":\"world\"}");
    }

    @Test
    void shouldAnswerQueueDoesNotExistForAnUnknownQueue() {
        assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("nobody-made-this")))
                .isInstanceOf(QueueDoesNotExistException.class);
    }

    @Test
    void shouldServeAFixedPortWithMatchingQueueUrls() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (SqsServer fixed = SqsServer.start(port);
             SqsClient client = SqsClient.builder().endpointOverride(fixed.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .build()) {
            assertThat(fixed.port()).isEqualTo(port);
            assertThat(client.createQueue(b -> b.queueName("fixed")).queueUrl())
                    .isEqualTo("http://127.0.0.1:" + port + "/123456789012/fixed");
        }
    }

    @Test
    void shouldFailWithAClearReasonWhenThePortIsTaken() {
        assertThatThrownBy(() -> SqsServer.start(server.port()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot start the SQS server on 127.0.0.1:" + server.port());
    }
}
