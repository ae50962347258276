package org.ahibridge.emulator.eventbridge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * PutTargets, ListTargetsByRule and RemoveTargets. Only SQS queue targets are accepted; a target the
 * emulator cannot deliver is reported in FailedEntries rather than silently dropped later.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutTargets.html">PutTargets</a>
 */
final class TargetOperations {

    static final int MAX_TARGETS_PER_RULE = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNSUPPORTED = Set.of("InputTransformer", "KinesisParameters", "RunCommandParameters",
            "EcsParameters", "BatchParameters", "HttpParameters", "RedshiftDataParameters",
            "SageMakerPipelineParameters", "AppSyncParameters");

    private final EventBridgeStore store;

    TargetOperations(EventBridgeStore store) {
        this.store = store;
    }

    JsonNode putTargets(Request request) {
        String bus = request.busName();
        String ruleName = request.required("Rule");
        List<JsonNode> requested = request.list("Targets", 1, 10);
        ObjectNode response = RuleOperations.object();
        ArrayNode failed = response.putArray("FailedEntries");
        store.change(bus, ruleName, rule -> {
            if (rule == null) {
                throw ServiceError.ruleNotFound(ruleName, bus);
            }
            Map<String, JsonNode> targets = byId(rule.targets());
            Set<String> seen = new HashSet<>();
            for (JsonNode target : requested) {
                String id = Request.checked("Id", target.path("Id").asText(""), Request.NAME, 64);
                if (!seen.add(id)) {
                    throw ServiceError.validation("Target ids must be unique within a request: " + id);
                }
                String problem = problemWith(target);
                if (problem == null) {
                    targets.put(id, target);
                } else {
                    failed.addObject().put("TargetId", id).put("ErrorCode", "ValidationException").put("ErrorMessage", problem);
                }
            }
            if (targets.size() > MAX_TARGETS_PER_RULE) {
                throw new ServiceError("LimitExceededException", "The requested resource exceeds the maximum number"
                        + " allowed (" + MAX_TARGETS_PER_RULE + " targets per rule).");
            }
            return rule.withTargets(new ArrayList<>(targets.values()));
        });
        return response.put("FailedEntryCount", failed.size());
    }

    JsonNode listTargetsByRule(Request request) {
        Rule rule = store.rule(request.busName(), request.required("Rule"));
        Request.Page page = request.page();
        ObjectNode response = RuleOperations.object();
        page.write(rule.targets(), response, "Targets", target -> target);
        return response;
    }

    JsonNode removeTargets(Request request) {
        String bus = request.busName();
        String ruleName = request.required("Rule");
        List<JsonNode> ids = request.list("Ids", 1, 100);
        store.change(bus, ruleName, rule -> {
            if (rule == null) {
                throw ServiceError.ruleNotFound(ruleName, bus);
            }
            Map<String, JsonNode> targets = byId(rule.targets());
            ids.forEach(id -> targets.remove(id.asText()));
            return rule.withTargets(new ArrayList<>(targets.values()));
        });
        ObjectNode response = RuleOperations.object().put("FailedEntryCount", 0);
        response.putArray("FailedEntries");
        return response;
    }

    private static Map<String, JsonNode> byId(List<JsonNode> targets) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        targets.forEach(t -> byId.put(t.path("Id").asText(), t));
        return byId;
    }

    /** Why the emulator cannot deliver to this target, or null when it can. */
    private static String problemWith(JsonNode target) {
        String arn = target.path("Arn").asText("");
        if (Arns.sqsQueueName(arn) == null) {
            return "The emulator delivers only to SQS queues (arn:aws:sqs:region:account:queue); not supported: " + arn;
        }
        for (String member : UNSUPPORTED) {
            if (target.has(member)) {
                return member + " is not supported by the emulator";
            }
        }
        if (target.has("Input") && target.has("InputPath")) {
            return "Only one of Input and InputPath may be given";
        }
        if (target.has("Input") && !isJson(target.get("Input").asText())) {
            return "Input is not valid JSON";
        }
        if (target.has("InputPath") && !InputPath.isValid(target.get("InputPath").asText())) {
            return "InputPath must be a simple JSONPath such as $.detail or $.detail.jobId";
        }
        return null;
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
