package org.ahibridge.emulator.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;

/** Buses, rules and targets kept in a state directory survive a new emulator on the same directory. */
class EventBridgePersistenceIT {

    @TempDir
    Path state;

    @Test
    void shouldKeepBusesRulesAndTargetsAcrossARestart() {
        try (EmulatedAws aws = new EmulatedAws(state)) {
            String queue = aws.createQueue("survivors");
            aws.events.createEventBus(b -> b.name("kept"));
            aws.events.putRule(b -> b.name("kept-rule").eventPattern("{\"source\":[\"restart.test\"]}")
                    .description("survives"));
            aws.events.putTargets(b -> b.rule("kept-rule").targets(t -> t.id("q").arn(EmulatedAws.queueArn("survivors"))));
            aws.events.putRule(b -> b.name("kept-disabled").eventBusName("kept").eventPattern("{\"source\":[\"x\"]}")
                    .state(RuleState.DISABLED));

            aws.startEventBridge(state);

            assertThat(Files.exists(state.resolve("eventbridge-state.json"))).isTrue();
            assertThat(aws.events.listEventBuses(b -> b.limit(10)).eventBuses()).extracting(EventBus::name)
                    .containsExactly("default", "kept");
            assertThat(aws.events.describeRule(b -> b.name("kept-rule")).description()).isEqualTo("survives");
            assertThat(aws.events.describeRule(b -> b.name("kept-disabled").eventBusName("kept")).state())
                    .isEqualTo(RuleState.DISABLED);
            assertThat(aws.events.listTargetsByRule(b -> b.rule("kept-rule")).targets()).extracting(Target::arn)
                    .containsExactly(EmulatedAws.queueArn("survivors"));

            aws.events.putEvents(b -> b.entries(e -> e.source("restart.test").detailType("After Restart").detail("{}")));
            await().atMost(Duration.ofSeconds(10)).until(() -> !aws.sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1))
                    .messages().stream().map(Message::body).filter(body -> body.contains("After Restart")).toList().isEmpty());
        }
    }

    @Test
    void shouldForgetEverythingWithoutAStateDirectory() {
        try (EmulatedAws aws = new EmulatedAws(null)) {
            aws.events.putRule(b -> b.name("ephemeral").eventPattern("{\"source\":[\"x\"]}"));

            aws.startEventBridge(null);

            assertThat(aws.events.listRules(b -> b.namePrefix("ephemeral")).rules()).isEmpty();
        }
    }
}
