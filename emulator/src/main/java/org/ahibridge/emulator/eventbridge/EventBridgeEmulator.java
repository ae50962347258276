package org.ahibridge.emulator.eventbridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ahibridge.emulator.http.HttpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The emulated Amazon EventBridge subset: buses, rules with event patterns, SQS queue targets, and
 * PutEvents, over the AWS JSON 1.1 protocol ({@code X-Amz-Target: AWSEvents.<Operation>}). Services of
 * the emulator {@link #publish} their events onto the default bus here, as AWS services do.
 *
 * <p>Operations: PutEvents, PutRule, DescribeRule, ListRules, DeleteRule, EnableRule, DisableRule,
 * ListRuleNamesByTarget, PutTargets, ListTargetsByRule, RemoveTargets, CreateEventBus, DescribeEventBus,
 * DeleteEventBus, ListEventBuses. Buses, rules and targets survive a restart when a state
 * directory is given; events are delivered once, best effort, and never stored.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/APIReference/Welcome.html">Amazon EventBridge API Reference</a>
 */
public final class EventBridgeEmulator implements EventPublisher, AutoCloseable {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    /** The Content-Type of requests and responses of the AWS JSON 1.1 protocol. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** The X-Amz-Target prefix of EventBridge operations. */
    public static final String TARGET_PREFIX = "AWSEvents.";

    private static final Logger LOG = LoggerFactory.getLogger(EventBridgeEmulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsTargetDelivery delivery;
    private final EventRouter router;
    private final Map<String, Function<Request, JsonNode>> operations;

    /** An emulator in us-east-1, account 123456789012, with state in memory. */
    public EventBridgeEmulator(SqsClient sqs) {
        this(sqs, DEFAULT_REGION, DEFAULT_ACCOUNT_ID, null);
    }

    /**
     * @param sqs            client of the SQS server that SQS targets name (null drops deliveries)
     * @param region         region in ARNs and events
     * @param accountId      account in ARNs and events
     * @param stateDirectory where buses, rules and targets are kept across restarts; null keeps them in memory
     */
    public EventBridgeEmulator(SqsClient sqs, String region, String accountId, Path stateDirectory) {
        EventBridgeStore store = new EventBridgeStore(stateDirectory);
        RuleOperations rules = new RuleOperations(store, region, accountId);
        TargetOperations targets = new TargetOperations(store);
        BusOperations buses = new BusOperations(store, region, accountId);
        RuleStateOperations ruleStates = new RuleStateOperations(store);
        this.delivery = new SqsTargetDelivery(sqs);
        this.router = new EventRouter(store, delivery, region, accountId);
        this.operations = Map.ofEntries(
                Map.entry("PutEvents", router::putEvents),
                Map.entry("PutRule", rules::putRule),
                Map.entry("DescribeRule", rules::describeRule),
                Map.entry("ListRules", rules::listRules),
                Map.entry("DeleteRule", rules::deleteRule),
                Map.entry("EnableRule", ruleStates::enableRule),
                Map.entry("DisableRule", ruleStates::disableRule),
                Map.entry("ListRuleNamesByTarget", ruleStates::listRuleNamesByTarget),
                Map.entry("PutTargets", targets::putTargets),
                Map.entry("ListTargetsByRule", targets::listTargetsByRule),
                Map.entry("RemoveTargets", targets::removeTargets),
                Map.entry("CreateEventBus", buses::createEventBus),
                Map.entry("DescribeEventBus", buses::describeEventBus),
                Map.entry("DeleteEventBus", buses::deleteEventBus),
                Map.entry("ListEventBuses", buses::listEventBuses));
    }

    /**
     * Answers one request: {@code amzTarget} is the X-Amz-Target header ({@code AWSEvents.PutRule}),
     * {@code body} the JSON request. Errors come back as status 400 (500 for a fault of the emulator) with
     * {@code {"__type": ..., "message": ...}} and the x-amzn-ErrorType header.
     */
    public HttpReply handle(String amzTarget, byte[] body) {
        String operation = amzTarget != null && amzTarget.startsWith(TARGET_PREFIX)
                ? amzTarget.substring(TARGET_PREFIX.length()) : null;
        Function<Request, JsonNode> handler = operation == null ? null : operations.get(operation);
        if (handler == null) {
            return error(400, "UnknownOperationException", "Operation " + amzTarget + " is not supported.");
        }
        try {
            return reply(200, handler.apply(new Request(parse(body))));
        } catch (ServiceError e) {
            return error(400, e.type(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("EventBridge {} failed", operation, e);
            return error(500, "InternalException", "The emulator failed: " + e.getClass().getSimpleName());
        }
    }

    /** Puts a service event (e.g. an AHI "Import Job Completed") on the default bus; never throws. */
    @Override
    public void publish(AwsEvent event) {
        try {
            router.publish(event);
        } catch (RuntimeException e) {
            LOG.warn("Event {} from {} not published: {}", event.detailType(), event.source(), e.getClass().getSimpleName());
        }
    }

    /** Stops delivery after sending what was already matched (waits up to 5 s). */
    @Override
    public void close() {
        delivery.close();
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // answered below
        }
        throw new ServiceError("SerializationException", "The request body is not a JSON object.");
    }

    private static HttpReply reply(int status, JsonNode json) {
        return new HttpReply(status, Map.of("Content-Type", CONTENT_TYPE, "x-amzn-RequestId", UUID.randomUUID().toString()),
                json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static HttpReply error(int status, String type, String message) {
        JsonNode json = JSON.createObjectNode().put("__type", type).put("message", message);
        return new HttpReply(status, Map.of("Content-Type", CONTENT_TYPE, "x-amzn-RequestId", UUID.randomUUID().toString(),
                "x-amzn-ErrorType", type), json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
