package org.ahibridge.emulator.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;

/** PutRule, DescribeRule, ListRules and DeleteRule through the AWS SDK's EventBridgeClient. */
class EventBridgeRulesIT {

    private static final String PATTERN = "{\"source\":[\"aws.medical-imaging\"]}";

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
    void shouldCreateARuleAndDescribeIt() {
        String arn = events.putRule(b -> b.name("describe-me").eventPattern(PATTERN).description("AHI events")).ruleArn();

        DescribeRuleResponse rule = events.describeRule(b -> b.name("describe-me"));

        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/describe-me");
        assertThat(rule.name()).isEqualTo("describe-me");
        assertThat(rule.arn()).isEqualTo(arn);
        assertThat(rule.eventPattern()).isEqualTo(PATTERN);
        assertThat(rule.state()).isEqualTo(RuleState.ENABLED);
        assertThat(rule.description()).isEqualTo("AHI events");
        assertThat(rule.eventBusName()).isEqualTo("default");
        assertThat(rule.createdBy()).isEqualTo("123456789012");
    }

    @Test
    void shouldReplaceARuleWhenPutAgain() {
        events.putRule(b -> b.name("replace-me").eventPattern(PATTERN));
        events.putRule(b -> b.name("replace-me").scheduleExpression("rate(5 minutes)").state(RuleState.DISABLED));

        DescribeRuleResponse rule = events.describeRule(b -> b.name("replace-me"));

        assertThat(rule.eventPattern()).isNull();
        assertThat(rule.scheduleExpression()).isEqualTo("rate(5 minutes)");
        assertThat(rule.state()).isEqualTo(RuleState.DISABLED);
    }

    @Test
    void shouldAnswerResourceNotFoundForAnUnknownRule() {
        assertThatThrownBy(() -> events.describeRule(b -> b.name("no-such-rule")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule no-such-rule does not exist on EventBus default.")
                .satisfies(e -> assertThat(((EventBridgeException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void shouldAnswerResourceNotFoundForARuleOnAnUnknownBus() {
        assertThatThrownBy(() -> events.putRule(b -> b.name("r").eventBusName("no-such-bus").eventPattern(PATTERN)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Event bus no-such-bus does not exist.");
    }

    @Test
    void shouldRejectAnInvalidEventPattern() {
        assertThatThrownBy(() -> events.putRule(b -> b.name("bad-pattern").eventPattern("{\"source\":\"aws.s3\"}")))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining("Event pattern is not valid. Reason:");
    }

    @Test
    void shouldRejectARuleWithoutPatternOrSchedule() {
        assertThatThrownBy(() -> events.putRule(b -> b.name("empty-rule")))
                .isInstanceOf(EventBridgeException.class)
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageContaining("EventPattern or ScheduleExpression must be specified");
    }

    @Test
    void shouldRejectAnInvalidRuleName() {
        assertThatThrownBy(() -> events.putRule(b -> b.name("no spaces/allowed").eventPattern(PATTERN)))
                .isInstanceOf(EventBridgeException.class)
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
    }

    @Test
    void shouldListRulesByPrefixAcrossPages() {
        for (int i = 0; i < 5; i++) {
            String name = "paged-" + i;
            events.putRule(b -> b.name(name).eventPattern(PATTERN));
        }
        List<String> names = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListRulesResponse page = events.listRules(b -> b.namePrefix("paged-").limit(2).nextToken(next));
            assertThat(page.rules()).hasSizeLessThanOrEqualTo(2);
            page.rules().stream().map(Rule::name).forEach(names::add);
            token = page.nextToken();
            tokens.add(token);
        } while (token != null);

        assertThat(names).containsExactly("paged-0", "paged-1", "paged-2", "paged-3", "paged-4");
        assertThat(tokens).hasSize(3);
        assertThat(events.listRules(b -> b.namePrefix("paged-3")).rules()).extracting(Rule::arn)
                .containsExactly("arn:aws:events:us-east-1:123456789012:rule/paged-3");
    }

    @Test
    void shouldRejectAForgedNextToken() {
        assertThatThrownBy(() -> events.listRules(b -> b.nextToken("not-a-token")))
                .isInstanceOf(EventBridgeException.class)
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
    }

    @Test
    void shouldRefuseToDeleteARuleWithTargetsUnlessForced() {
        events.putRule(b -> b.name("has-targets").eventPattern(PATTERN));
        events.putTargets(b -> b.rule("has-targets").targets(t -> t.id("q").arn(EmulatedAws.queueArn("any"))));

        assertThatThrownBy(() -> events.deleteRule(b -> b.name("has-targets")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Rule can't be deleted since it has targets.")
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));

        events.deleteRule(b -> b.name("has-targets").force(true));
        assertThatThrownBy(() -> events.describeRule(b -> b.name("has-targets")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void shouldDeleteARuleWithoutTargetsAndAcceptDeletingItTwice() {
        events.putRule(b -> b.name("delete-me").eventPattern(PATTERN));

        events.deleteRule(b -> b.name("delete-me"));
        events.deleteRule(b -> b.name("delete-me"));

        assertThat(events.listRules(b -> b.namePrefix("delete-me")).rules()).isEmpty();
    }
}
