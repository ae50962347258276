package org.ahibridge.emulator.eventbridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A compiled EventBridge event pattern. An event matches when every field named in the pattern
 * matches: nested objects select nested fields ({@code {"detail": {"jobStatus": [...]}}}), arrays list
 * the allowed values or filters (any one suffices), an array in the event matches when any of its
 * elements does, and {@code $or} lists alternative sub-patterns.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html">Amazon EventBridge event patterns</a>
 */
public final class EventPattern {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Fields root;

    private EventPattern(Fields root) {
        this.root = root;
    }

    /** Compiles a pattern; throws {@link InvalidEventPatternException} with AWS's kind of reason when it is invalid. */
    public static EventPattern parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventPatternException("Filter is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidEventPatternException("Filter is not an object");
        }
        return new EventPattern(Fields.parse(node));
    }

    /** Whether the event (the full envelope: source, detail-type, detail, ...) matches. */
    public boolean matches(JsonNode event) {
        return root.matches(event);
    }

    /** A node of the pattern, matched against the event value at the same path (null when absent). */
    private interface Node {
        boolean matches(JsonNode value);
    }

    private record Fields(Map<String, Node> fields, List<Fields> alternatives) implements Node {

        static Fields parse(JsonNode object) {
            Map<String, Node> fields = new LinkedHashMap<>();
            List<Fields> alternatives = new ArrayList<>();
            object.properties().iterator().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (field.getKey().equals("$or")) {
                    if (!value.isArray() || value.size() < 2) {
                        throw new InvalidEventPatternException("$or must be an array of at least 2 patterns");
                    }
                    value.forEach(alternative -> alternatives.add(parse(objectOf(alternative))));
                } else if (value.isObject()) {
                    fields.put(field.getKey(), parse(value));
                } else if (value.isArray()) {
                    fields.put(field.getKey(), Leaf.parse(field.getKey(), value));
                } else {
                    throw new InvalidEventPatternException("Match value of " + field.getKey()
                            + " must be an array or an object, found " + value);
                }
            });
            return new Fields(fields, alternatives);
        }

        private static JsonNode objectOf(JsonNode alternative) {
            if (!alternative.isObject()) {
                throw new InvalidEventPatternException("$or alternatives must be objects, found " + alternative);
            }
            return alternative;
        }

        @Override
        public boolean matches(JsonNode value) {
            if (value != null && value.isArray() && !value.isEmpty()) {
                for (JsonNode element : value) {
                    if (matchesObject(element)) {
                        return true;
                    }
                }
                return false;
            }
            return matchesObject(value);
        }

        private boolean matchesObject(JsonNode value) {
            for (Map.Entry<String, Node> field : fields.entrySet()) {
                JsonNode child = value != null && value.isObject() ? value.get(field.getKey()) : null;
                if (!field.getValue().matches(child)) {
                    return false;
                }
            }
            return alternatives.isEmpty() || alternatives.stream().anyMatch(a -> a.matchesObject(value));
        }
    }

    private record Leaf(List<ValueMatcher> matchers) implements Node {

        static Leaf parse(String name, JsonNode array) {
            if (array.isEmpty()) {
                throw new InvalidEventPatternException("Empty arrays are not allowed (field " + name + ")");
            }
            List<ValueMatcher> matchers = new ArrayList<>();
            array.forEach(element -> matchers.add(ValueMatcher.parse(element)));
            return new Leaf(matchers);
        }

        @Override
        public boolean matches(JsonNode value) {
            List<JsonNode> scalars = scalars(value);
            if (scalars.isEmpty()) {
                return matchers.stream().anyMatch(ValueMatcher::matchesMissing);
            }
            return matchers.stream().anyMatch(m -> scalars.stream().anyMatch(m::matches));
        }

        // EventBridge flattens the event: an object has no value of its own, an array offers each element.
        private static List<JsonNode> scalars(JsonNode value) {
            List<JsonNode> scalars = new ArrayList<>();
            if (value == null || value.isObject()) {
                return scalars;
            }
            if (value.isArray()) {
                value.forEach(element -> {
                    if (!element.isContainerNode()) {
                        scalars.add(element);
                    }
                });
            } else {
                scalars.add(value);
            }
            return scalars;
        }
    }
}
