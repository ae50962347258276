package org.ahibridge.eventbridge;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Import-job completion by AHI's EventBridge events ({@code ahibridge.import.job-events.*},
 * docs/import-pipeline.md §12.1). Off by default: the embedded default polls GetDICOMImportJob.
 *
 * @param enabled          follow jobs on events, polling only every {@code fallbackInterval}
 * @param queue            the SQS queue the rule delivers to: a name or a queue URL
 * @param region           region of the queue and the bus (default: SDK region chain, else us-east-1)
 * @param queueEndpoint    SQS endpoint override (ElasticMQ, the emulator)
 * @param eventsEndpoint   EventBridge endpoint override (the emulator)
 * @param provisionRule    create or update the rule and its target at startup (PutRule, PutTargets)
 * @param ruleName         the rule's name on {@code bus}
 * @param bus              the bus AHI sends to: AWS services send to {@code default}
 * @param fallbackInterval a submitted job with no event is checked with GetDICOMImportJob this often
 * @param from             the endpoint routes/import-job-events.camel.yaml consumes
 */
@ConfigurationProperties("ahibridge.import.job-events")
public record JobEventsProperties(@DefaultValue("false") boolean enabled, String queue, String region,
        URI queueEndpoint, URI eventsEndpoint, @DefaultValue("true") boolean provisionRule,
        @DefaultValue("ahi-bridge-import-jobs") String ruleName, @DefaultValue("default") String bus,
        @DefaultValue("PT5M") Duration fallbackInterval, @DefaultValue(DEFAULT_FROM) String from) {

    public static final String DEFAULT_FROM = "direct:import-job-events";
    private static final String KEY = "ahibridge.import.job-events.";

    /** The queue's name, from a name or a queue URL ({@code https://sqs.<region>.amazonaws.com/<account>/<name>}). */
    public String queueName() {
        if (queue == null) {
            return null;
        }
        String trimmed = queue.endsWith("/") ? queue.substring(0, queue.length() - 1) : queue;
        return trimmed.contains("://") ? trimmed.substring(trimmed.lastIndexOf('/') + 1) : trimmed;
    }

    /** What is wrong with an enabled configuration, one sentence per problem naming its key; empty when fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (queue == null || queue.isBlank()) {
            problems.add(KEY + "queue is required: the name or URL of the SQS queue the rule delivers AHI's job"
                    + " events to");
        } else if (!queueName().matches("[\\w-]{1,80}")) {
            problems.add(KEY + "queue '" + queue + "' does not name a standard SQS queue (1-80 letters, digits,"
                    + " '-' or '_'; FIFO queues cannot be EventBridge targets without a message group)");
        }
        if (ruleName == null || !ruleName.matches("[.\\-_A-Za-z0-9]{1,64}")) {
            problems.add(KEY + "rule-name '" + ruleName + "' is not a valid EventBridge rule name (1-64 of"
                    + " A-Z a-z 0-9 . - _)");
        }
        if (bus == null || bus.isBlank()) {
            problems.add(KEY + "bus must name the bus AHI sends its events to (AWS services use 'default')");
        }
        if (fallbackInterval == null || fallbackInterval.isNegative() || fallbackInterval.isZero()) {
            problems.add(KEY + "fallback-interval must be positive, e.g. PT5M, not " + fallbackInterval);
        }
        String expected = "aws2-sqs:" + queueName();
        if (from == null || from.equals(DEFAULT_FROM)) {
            problems.add(KEY + "from must consume the queue, e.g. " + expected
                    + "?amazonSQSClient=#jobEventsSqsClient&waitTimeSeconds=20 (now " + from + ": no event would"
                    + " ever arrive)");
        } else if (queue != null && from.startsWith("aws2-sqs:") && !consumedQueue(from).equals(queueName())) {
            problems.add(KEY + "from (" + from + ") consumes another queue than " + KEY + "queue ("
                    + queueName() + ")");
        }
        return problems;
    }

    /** The queue name in an aws2-sqs URI: {@code aws2-sqs:name?...}, {@code aws2-sqs://name} or a queue ARN. */
    static String consumedQueue(String uri) {
        String path = uri.substring("aws2-sqs:".length());
        path = path.startsWith("//") ? path.substring(2) : path;
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        return path.startsWith("arn:") ? path.substring(path.lastIndexOf(':') + 1) : path;
    }
}
