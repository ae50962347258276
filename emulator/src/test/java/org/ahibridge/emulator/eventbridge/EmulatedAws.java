package org.ahibridge.emulator.eventbridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.ahibridge.emulator.sqs.SqsServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An SQS server and an EventBridge emulator on loopback, with real SDK clients for both. */
final class EmulatedAws implements AutoCloseable {

    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    final SqsServer sqsServer;
    final SqsClient sqs;
    EventBridgeEmulator emulator;
    EventBridgeHttpServer http;
    EventBridgeClient events;

    EmulatedAws(Path stateDirectory) {
        sqsServer = SqsServer.start(0);
        sqs = SqsClient.builder().endpointOverride(sqsServer.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).build();
        startEventBridge(stateDirectory);
    }

    /** (Re)starts the EventBridge emulator and its client, as a restart of the emulator process would. */
    void startEventBridge(Path stateDirectory) {
        stopEventBridge();
        emulator = new EventBridgeEmulator(sqs, "us-east-1", "123456789012", stateDirectory);
        try {
            http = EventBridgeHttpServer.start(emulator, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events = EventBridgeClient.builder().endpointOverride(http.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).build();
    }

    String createQueue(String name) {
        return sqs.createQueue(b -> b.queueName(name)).queueUrl();
    }

    static String queueArn(String name) {
        return "arn:aws:sqs:us-east-1:123456789012:" + name;
    }

    private void stopEventBridge() {
        if (events != null) {
            events.close();
            http.close();
            emulator.close();
        }
    }

    @Override
    public void close() {
        stopEventBridge();
        sqs.close();
        sqsServer.close();
    }
}
