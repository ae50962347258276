package org.ahibridge.emulator.eventbridge;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * PutRule, DescribeRule, ListRules and DeleteRule.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Operations.html">EventBridge API actions</a>
 */
final class RuleOperations {

    private static final Set<String> STATES = Set.of("ENABLED", "DISABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");

    private final EventBridgeStore store;
    private final String region;
    private final String account;

    RuleOperations(EventBridgeStore store, String region, String account) {
        this.store = store;
        this.region = region;
        this.account = account;
    }

    JsonNode putRule(Request request) {
        String name = request.name("Name", Request.NAME, 64);
        String bus = request.busName();
        String pattern = request.optional("EventPattern");
        String schedule = request.optional("ScheduleExpression");
        String state = Objects.requireNonNullElse(request.optional("State"), "ENABLED");
        String description = request.optional("Description");
        validate(bus, pattern, schedule, state, description);
        store.change(bus, name, existing -> new Rule(name, bus, pattern, schedule, state, description,
                existing == null ? List.of() : existing.targets()));
        return object().put("RuleArn", Arns.rule(region, account, bus, name));
    }

    private static void validate(String bus, String pattern, String schedule, String state, String description) {
        if (pattern == null && schedule == null) {
            throw ServiceError.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (pattern != null) {
            try {
                EventPattern.parse(pattern);
            } catch (InvalidEventPatternException e) {
                throw new ServiceError("InvalidEventPatternException", e.getMessage());
            }
        }
        if (schedule != null && !schedule.matches("(rate|cron)\\(.+\\)")) {
            throw ServiceError.validation("Parameter ScheduleExpression is not valid.");
        }
        if (schedule != null && !"default".equals(bus)) {
            throw ServiceError.validation("ScheduleExpression is supported only on the default event bus.");
        }
        if (!STATES.contains(state)) {
            throw ServiceError.validation("1 validation error detected: Value '" + state
                    + "' at 'state' failed to satisfy constraint: Member must satisfy enum value set: " + STATES);
        }
        if (description != null && description.length() > 512) {
            throw ServiceError.validation("Description must be at most 512 characters long.");
        }
    }

    JsonNode describeRule(Request request) {
        String bus = request.busName();
        Rule rule = store.rule(bus, request.required("Name"));
        return ruleJson(rule).put("CreatedBy", account);
    }

    JsonNode listRules(Request request) {
        String bus = request.busName();
        String prefix = request.optional("NamePrefix");
        Request.Page page = request.page();
        List<Rule> rules = store.rules(bus).stream()
                .filter(rule -> prefix == null || rule.name().startsWith(prefix))
                .toList();
        ObjectNode response = object();
        page.write(rules, response, "Rules", this::ruleJson);
        return response;
    }

    JsonNode deleteRule(Request request) {
        String bus = request.busName();
        String name = request.required("Name");
        store.delete(bus, name, rule -> {
            if (!rule.targets().isEmpty() && !request.flag("Force")) {
                throw ServiceError.validation("Rule can't be deleted since it has targets.");
            }
        });
        return object();
    }

    private ObjectNode ruleJson(Rule rule) {
        ObjectNode json = object()
                .put("Name", rule.name())
                .put("Arn", Arns.rule(region, account, rule.bus(), rule.name()));
        putIfPresent(json, "EventPattern", rule.eventPattern());
        putIfPresent(json, "ScheduleExpression", rule.scheduleExpression());
        json.put("State", rule.state());
        putIfPresent(json, "Description", rule.description());
        return json.put("EventBusName", rule.bus());
    }

    private static void putIfPresent(ObjectNode json, String member, String value) {
        if (value != null) {
            json.put(member, value);
        }
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
