package org.ahibridge.emulator.eventbridge;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * EnableRule, DisableRule and ListRuleNamesByTarget: the remaining rule operations of the
 * camel-aws2-eventbridge producer ({@code enableRule}, {@code disableRule}, {@code listRuleNamesByTarget}).
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DisableRule.html">DisableRule</a>
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_ListRuleNamesByTarget.html">ListRuleNamesByTarget</a>
 */
final class RuleStateOperations {

    private final EventBridgeStore store;

    RuleStateOperations(EventBridgeStore store) {
        this.store = store;
    }

    JsonNode enableRule(Request request) {
        return setState(request, "ENABLED");
    }

    JsonNode disableRule(Request request) {
        return setState(request, "DISABLED");
    }

    JsonNode listRuleNamesByTarget(Request request) {
        String targetArn = request.required("TargetArn");
        String bus = request.busName();
        Request.Page page = request.page();
        List<String> names = store.rules(bus).stream()
                .filter(rule -> rule.targets().stream().anyMatch(t -> targetArn.equals(t.path("Arn").asText())))
                .map(Rule::name)
                .toList();
        ObjectNode response = RuleOperations.object();
        page.write(names, response, "RuleNames", name -> RuleOperations.object().textNode(name));
        return response;
    }

    private JsonNode setState(Request request, String state) {
        String bus = request.busName();
        String name = request.required("Name");
        store.change(bus, name, rule -> {
            if (rule == null) {
                throw ServiceError.ruleNotFound(name, bus);
            }
            return new Rule(rule.name(), rule.bus(), rule.eventPattern(), rule.scheduleExpression(), state,
                    rule.description(), rule.targets());
        });
        return RuleOperations.object();
    }
}
