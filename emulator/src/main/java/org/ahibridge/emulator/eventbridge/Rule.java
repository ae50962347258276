package org.ahibridge.emulator.eventbridge;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rule on a bus, with its targets kept as the JSON the caller sent (PutTargets {@code Target} shape).
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html">PutRule</a>
 */
record Rule(String name, String bus, String eventPattern, String scheduleExpression, String state,
            String description, List<JsonNode> targets) {

    Rule {
        targets = List.copyOf(targets);
    }

    Rule withTargets(List<JsonNode> newTargets) {
        return new Rule(name, bus, eventPattern, scheduleExpression, state, description, newTargets);
    }

    /** Whether events are matched against this rule (scheduled rules and disabled rules take no events). */
    boolean takesEvents() {
        return eventPattern != null && state.startsWith("ENABLED");
    }
}
