package org.ahibridge.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.ahibridge.emulator.EmulatorEndpoints;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.ahibridge.metrics.AwsRequestCounts;

/** The SQS and EventBridge clients of the event features count their requests, as every client of the service does. */
class AwsClientsRequestCountsIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create();

    @BeforeAll
    static void credentials() {
        // The default credentials chain of these clients reads these; the emulator accepts any.
        System.setProperty("aws.accessKeyId", "emulator");
        System.setProperty("aws.secretAccessKey", "emulator");
    }

    @Test
    void sqsAndEventBridgeRequestsAreCountedByOperation(EmulatorEndpoints endpoints) {
        AwsRequestCounts.Snapshot before = AwsRequestCounts.process().snapshot();

        try (SqsClient sqs = AwsClients.sqs(endpoints.region(), endpoints.sqs());
                EventBridgeClient events = AwsClients.events(endpoints.region(), endpoints.eventBridge())) {
            String queue = sqs.createQueue(b -> b.queueName("counted")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("one"));
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("two"));
            events.putRule(b -> b.name("counted").eventPattern("{\"source\":[\"aws.medical-imaging\"]}"));
        }

        assertThat(AwsRequestCounts.process().snapshot().since(before).attempts()).containsOnly(
                entry("Sqs.CreateQueue", 1L), entry("Sqs.SendMessage", 2L), entry("EventBridge.PutRule", 1L));
    }
}
