package org.ahibridge.eventbridge;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The EventBridge rule that routes AHI's job-end events for the service's datastores to its queue:
 * pattern {@code source aws.medical-imaging}, {@code detail-type} "Import Job Completed" / "Import Job
 * Failed", {@code detail.datastoreId} one of the datastores, and the queue as the only target this
 * service manages ({@value #TARGET_ID}). PutRule and PutTargets replace what is there, so provisioning
 * at every start is idempotent and picks up datastores added to the configuration.
 */
public final class JobEventRule {

    public static final String TARGET_ID = "ahi-bridge-queue";
    static final List<String> DETAIL_TYPES = List.of("Import Job Completed", "Import Job Failed");

    private JobEventRule() {
    }

    /** What was provisioned: the rule's ARN, the queue's ARN and the event pattern. */
    public record Provisioned(String ruleArn, String queueArn, String pattern) {
    }

    /** The event pattern for these datastore ids (docs/aws-healthimaging.md §7.2). */
    public static String pattern(Collection<String> datastoreIds) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode pattern = json.createObjectNode();
        pattern.putArray("source").add("aws.medical-imaging");
        DETAIL_TYPES.forEach(pattern.putArray("detail-type")::add);
        datastoreIds.stream().sorted().forEach(pattern.putObject("detail").putArray("datastoreId")::add);
        return pattern.toString();
    }

    /**
     * Creates or updates the rule and its queue target; throws {@link IllegalStateException} naming the key
     * to fix or the permission that is missing.
     */
    public static Provisioned provision(EventBridgeClient events, SqsClient sqs, JobEventsProperties properties,
            Collection<String> datastoreIds) {
        if (datastoreIds.isEmpty()) {
            throw new IllegalArgumentException("a rule for no datastore would match every datastore's job events");
        }
        String queueArn = queueArn(sqs, properties);
        String pattern = pattern(datastoreIds);
        try {
            PutRuleResponse rule = events.putRule(b -> b.name(properties.ruleName()).eventBusName(properties.bus())
                    .eventPattern(pattern).state(RuleState.ENABLED)
                    .description("ahi-bridge: AHI import job completed/failed events to the service's queue"));
            PutTargetsResponse targets = events.putTargets(b -> b.rule(properties.ruleName())
                    .eventBusName(properties.bus()).targets(t -> t.id(TARGET_ID).arn(queueArn)));
            if (targets.failedEntryCount() != null && targets.failedEntryCount() > 0) {
                throw new IllegalStateException("EventBridge refused the queue " + queueArn + " as target of rule '"
                        + properties.ruleName() + "': " + targets.failedEntries().get(0).errorMessage());
            }
            return new Provisioned(rule.ruleArn(), queueArn, pattern);
        } catch (SdkException e) {
            throw new IllegalStateException("Could not provision the EventBridge rule '" + properties.ruleName()
                    + "' on bus '" + properties.bus() + "' (needs events:PutRule and events:PutTargets; set"
                    + " ahibridge.import.job-events.provision-rule=false to manage the rule yourself): "
                    + e.getMessage(), e);
        }
    }

    private static String queueArn(SqsClient sqs, JobEventsProperties properties) {
        String queue = properties.queue();
        try {
            String url = queue.contains("://") ? queue : sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
        } catch (QueueDoesNotExistException e) {
            throw new IllegalStateException("ahibridge.import.job-events.queue '" + queue + "' does not exist in region "
                    + AwsClients.region(properties.region()) + ": create it (and its policy allowing"
                    + " events.amazonaws.com to send, docs/import-pipeline.md §12.1) first", e);
        } catch (SdkException e) {
            throw new IllegalStateException("Could not look up ahibridge.import.job-events.queue '" + queue
                    + "' (needs sqs:GetQueueUrl and sqs:GetQueueAttributes): " + e.getMessage(), e);
        }
    }
}
