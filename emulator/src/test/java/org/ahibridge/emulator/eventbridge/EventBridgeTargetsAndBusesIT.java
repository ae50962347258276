package org.ahibridge.emulator.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResultEntry;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** PutTargets, ListTargetsByRule, RemoveTargets, CreateEventBus and ListEventBuses through the AWS SDK. */
class EventBridgeTargetsAndBusesIT {

    private static final String PATTERN = "{\"source\":[\"ahi-bridge.test\"]}";

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
    void shouldAddSqsTargetsAndListThemBack() {
        events.putRule(b -> b.name("with-targets").eventPattern(PATTERN));

        PutTargetsResponse response = events.putTargets(b -> b.rule("with-targets").targets(
                t -> t.id("whole-event").arn(EmulatedAws.queueArn("a")),
                t -> t.id("job-id-only").arn(EmulatedAws.queueArn("b")).inputPath("$.detail.jobId")));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(events.listTargetsByRule(b -> b.rule("with-targets")).targets())
                .extracting(Target::id, Target::arn, Target::inputPath)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("whole-event", EmulatedAws.queueArn("a"), null),
                        org.assertj.core.groups.Tuple.tuple("job-id-only", EmulatedAws.queueArn("b"), "$.detail.jobId"));
    }

    @Test
    void shouldReportTargetsTheEmulatorCannotDeliverAsFailedEntries() {
        events.putRule(b -> b.name("odd-targets").eventPattern(PATTERN));

        PutTargetsResponse response = events.putTargets(b -> b.rule("odd-targets").targets(
                t -> t.id("lambda").arn("arn:aws:lambda:us-east-1:123456789012:function:f"),
                t -> t.id("bad-input").arn(EmulatedAws.queueArn("a")).input("{not json"),
                t -> t.id("fine").arn(EmulatedAws.queueArn("a"))));

        assertThat(response.failedEntryCount()).isEqualTo(2);
        assertThat(response.failedEntries()).extracting(PutTargetsResultEntry::targetId).containsExactly("lambda", "bad-input");
        assertThat(response.failedEntries()).allSatisfy(e -> assertThat(e.errorMessage()).isNotBlank());
        assertThat(events.listTargetsByRule(b -> b.rule("odd-targets")).targets()).extracting(Target::id)
                .containsExactly("fine");
    }

    @Test
    void shouldAnswerResourceNotFoundForTargetsOfAnUnknownRule() {
        assertThatThrownBy(() -> events.putTargets(b -> b.rule("ghost").targets(t -> t.id("x").arn(EmulatedAws.queueArn("a")))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> events.listTargetsByRule(b -> b.rule("ghost")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> events.removeTargets(b -> b.rule("ghost").ids("x")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void shouldLimitARuleToFiveTargets() {
        events.putRule(b -> b.name("crowded").eventPattern(PATTERN));
        List<Target> six = IntStream.range(0, 6)
                .mapToObj(i -> Target.builder().id("t" + i).arn(EmulatedAws.queueArn("q" + i)).build()).toList();

        assertThatThrownBy(() -> events.putTargets(b -> b.rule("crowded").targets(six)))
                .isInstanceOf(LimitExceededException.class);
        assertThat(events.listTargetsByRule(b -> b.rule("crowded")).targets()).isEmpty();
    }

    @Test
    void shouldPageTargetsAndRemoveThem() {
        events.putRule(b -> b.name("paged-targets").eventPattern(PATTERN));
        List<Target> five = IntStream.range(0, 5)
                .mapToObj(i -> Target.builder().id("t" + i).arn(EmulatedAws.queueArn("q" + i)).build()).toList();
        events.putTargets(b -> b.rule("paged-targets").targets(five));

        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTargetsByRuleResponse page = events.listTargetsByRule(b -> b.rule("paged-targets").limit(2).nextToken(next));
            page.targets().forEach(t -> ids.add(t.id()));
            token = page.nextToken();
        } while (token != null);
        var removed = events.removeTargets(b -> b.rule("paged-targets").ids("t1", "t3"));

        assertThat(ids).containsExactly("t0", "t1", "t2", "t3", "t4");
        assertThat(removed.failedEntryCount()).isZero();
        assertThat(events.listTargetsByRule(b -> b.rule("paged-targets")).targets()).extracting(Target::id)
                .containsExactly("t0", "t2", "t4");
    }

    @Test
    void shouldCreateEventBusesAndRefuseDuplicates() {
        String arn = events.createEventBus(b -> b.name("imaging")).eventBusArn();

        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:123456789012:event-bus/imaging");
        assertThatThrownBy(() -> events.createEventBus(b -> b.name("imaging")))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> events.createEventBus(b -> b.name("default")))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThat(events.putRule(b -> b.name("on-imaging").eventBusName(arn).eventPattern(PATTERN)).ruleArn())
                .isEqualTo("arn:aws:events:us-east-1:123456789012:rule/imaging/on-imaging");
        assertThat(events.listRules(b -> b.eventBusName("imaging")).rules()).extracting(r -> r.name())
                .containsExactly("on-imaging");
    }

    @Test
    void shouldListEventBusesByPrefixAcrossPages() {
        events.createEventBus(b -> b.name("team-a"));
        events.createEventBus(b -> b.name("team-b"));
        events.createEventBus(b -> b.name("team-c"));

        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListEventBusesResponse page = events.listEventBuses(b -> b.namePrefix("team-").limit(2).nextToken(next));
            page.eventBuses().forEach(bus -> names.add(bus.name()));
            token = page.nextToken();
        } while (token != null);

        assertThat(names).containsExactly("team-a", "team-b", "team-c");
        assertThat(events.listEventBuses(b -> b.namePrefix("def")).eventBuses()).extracting(EventBus::name, EventBus::arn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("default",
                        "arn:aws:events:us-east-1:123456789012:event-bus/default"));
    }

    @Test
    void shouldRejectAnOutOfRangeLimit() {
        assertThatThrownBy(() -> events.listEventBuses(b -> b.limit(0)))
                .isInstanceOf(EventBridgeException.class)
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
    }

    @Test
    void shouldDescribeAndDeleteACustomBusOnceItsRulesAreGone() {
        events.createEventBus(b -> b.name("short-lived").description("for a while"));
        events.putRule(b -> b.name("blocker").eventBusName("short-lived").eventPattern(PATTERN));

        assertThat(events.describeEventBus(b -> b.name("short-lived")).description()).isEqualTo("for a while");
        assertThat(events.describeEventBus(b -> b.name("default")).arn())
                .isEqualTo("arn:aws:events:us-east-1:123456789012:event-bus/default");
        assertThatThrownBy(() -> events.deleteEventBus(b -> b.name("short-lived")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("still has rules");
        assertThatThrownBy(() -> events.deleteEventBus(b -> b.name("default")))
                .isInstanceOf(EventBridgeException.class);

        events.deleteRule(b -> b.name("blocker").eventBusName("short-lived"));
        events.deleteEventBus(b -> b.name("short-lived"));

        assertThatThrownBy(() -> events.describeEventBus(b -> b.name("short-lived")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void shouldDisableAndEnableRulesAndFindThemByTarget() {
        events.putRule(b -> b.name("switchable").eventPattern(PATTERN));
        events.putTargets(b -> b.rule("switchable").targets(t -> t.id("q").arn(EmulatedAws.queueArn("switch-q"))));

        events.disableRule(b -> b.name("switchable"));
        assertThat(events.describeRule(b -> b.name("switchable")).state()).isEqualTo(RuleState.DISABLED);
        events.enableRule(b -> b.name("switchable"));
        assertThat(events.describeRule(b -> b.name("switchable")).state()).isEqualTo(RuleState.ENABLED);

        assertThat(events.listRuleNamesByTarget(b -> b.targetArn(EmulatedAws.queueArn("switch-q"))).ruleNames())
                .containsExactly("switchable");
        assertThatThrownBy(() -> events.disableRule(b -> b.name("ghost")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
