package org.ahibridge.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The startup checks of ahibridge.import.job-events.* and the rule's event pattern. */
class JobEventsPropertiesTest {

    static JobEventsProperties with(String queue, String from, Duration fallback) {
        return new JobEventsProperties(true, queue, "us-east-1", null, null, true, "ahi-bridge-import-jobs", "default",
                fallback, from);
    }

    @Test
    void shouldAcceptAQueueNameOrUrlConsumedByTheRoute() {
        assertThat(with("jobs", "aws2-sqs:jobs?amazonSQSClient=#jobEventsSqsClient", Duration.ofMinutes(5))
                .problems()).isEmpty();
        JobEventsProperties url = with("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs", "aws2-sqs:jobs",
                Duration.ofMinutes(5));
        assertThat(url.queueName()).isEqualTo("jobs");
        assertThat(url.problems()).isEmpty();
        assertThat(with("jobs", "aws2-sqs:arn:aws:sqs:eu-west-1:123456789012:jobs?waitTimeSeconds=20",
                Duration.ofMinutes(5)).problems()).isEmpty();
        assertThat(with("jobs", "aws2-sqs://jobs", Duration.ofMinutes(5)).problems()).isEmpty();
    }

    @Test
    void shouldNameEveryProblemWithItsKey() {
        List<String> problems = new JobEventsProperties(true, null, null, null, null, true, "bad rule!", " ",
                Duration.ZERO, JobEventsProperties.DEFAULT_FROM).problems();

        assertThat(problems).hasSize(5).allSatisfy(p -> assertThat(p).startsWith("ahibridge.import.job-events."));
        assertThat(String.join("\n", problems)).contains(".queue is required").contains(".rule-name 'bad rule!'")
                .contains(".bus must").contains(".fallback-interval must be positive").contains(".from must consume");
    }

    @Test
    void shouldRefuseARouteThatConsumesAnotherQueue() {
        assertThat(with("jobs", "aws2-sqs:jobs-old?waitTimeSeconds=20", Duration.ofMinutes(1)).problems())
                .singleElement().satisfies(p -> assertThat(p).contains("consumes another queue"));
        assertThat(with("jobs", "aws2-sqs:jobs2", Duration.ofMinutes(1)).problems())
                .singleElement().satisfies(p -> assertThat(p).contains("consumes another queue"));
        assertThat(with("jobs.fifo", "aws2-sqs:jobs.fifo", Duration.ofMinutes(1)).problems())
                .singleElement().satisfies(p -> assertThat(p).contains("standard SQS queue"));
    }

    @Test
    void shouldMatchAhiJobEndEventsOfTheGivenDatastoresOnly() {
        assertThat(JobEventRule.pattern(List.of("b".repeat(32), "a".repeat(32)))).isEqualTo(
                "{\"source\":[\"aws.medical-imaging\"],\"detail-type\":[\"Import Job Completed\",\"Import Job Failed\"],"
                        + "\"detail\":{\"datastoreId\":[\"" + "a".repeat(32) + "\",\"" + "b".repeat(32) + "\"]}}");
    }
}
