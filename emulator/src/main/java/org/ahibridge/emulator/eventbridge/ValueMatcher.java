package org.ahibridge.emulator.eventbridge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One element of a leaf array in an event pattern: a literal value or a content filter
 * ({@code prefix}, {@code suffix}, {@code anything-but}, {@code numeric}, {@code exists},
 * {@code equals-ignore-case}, {@code wildcard}).
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html">Content filtering in EventBridge event patterns</a>
 */
interface ValueMatcher {

    /** Whether one scalar value of the event field (string, number, boolean or null) matches. */
    boolean matches(JsonNode value);

    /** Whether a field that is absent from the event (or has no scalar value) matches. */
    default boolean matchesMissing() {
        return false;
    }

    static ValueMatcher parse(JsonNode element) {
        if (!element.isContainerNode()) {
            return literal(element);
        }
        if (!element.isObject() || element.size() != 1) {
            throw new InvalidEventPatternException("Match value must be a string, number, boolean, null or an"
                    + " object with exactly one operator, found " + element);
        }
        Map.Entry<String, JsonNode> operator = element.properties().iterator().next();
        JsonNode operand = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> affix(operand, "prefix", true);
            case "suffix" -> affix(operand, "suffix", false);
            case "equals-ignore-case" -> ignoringCase(text(operand, "equals-ignore-case"));
            case "wildcard" -> Wildcard.of(text(operand, "wildcard"));
            case "exists" -> exists(operand);
            case "numeric" -> NumericRange.parse(operand);
            case "anything-but" -> anythingBut(operand);
            default -> throw new InvalidEventPatternException("Unrecognized match type " + operator.getKey());
        };
    }

    private static ValueMatcher literal(JsonNode expected) {
        if (expected.isNumber()) {
            BigDecimal number = expected.decimalValue();
            return value -> value.isNumber() && value.decimalValue().compareTo(number) == 0;
        }
        return expected::equals;
    }

    private static ValueMatcher affix(JsonNode operand, String name, boolean prefix) {
        if (operand.isObject() && operand.size() == 1 && operand.has("equals-ignore-case")) {
            String affix = text(operand.get("equals-ignore-case"), name).toLowerCase(Locale.ROOT);
            return value -> value.isTextual() && (prefix ? value.asText().toLowerCase(Locale.ROOT).startsWith(affix)
                    : value.asText().toLowerCase(Locale.ROOT).endsWith(affix));
        }
        String affix = text(operand, name);
        return value -> value.isTextual() && (prefix ? value.asText().startsWith(affix) : value.asText().endsWith(affix));
    }

    private static ValueMatcher ignoringCase(String expected) {
        return value -> value.isTextual() && value.asText().equalsIgnoreCase(expected);
    }

    private static ValueMatcher exists(JsonNode operand) {
        if (!operand.isBoolean()) {
            throw new InvalidEventPatternException("exists match pattern must be either true or false.");
        }
        boolean wanted = operand.booleanValue();
        return new ValueMatcher() {
            @Override
            public boolean matches(JsonNode value) {
                return wanted;
            }

            @Override
            public boolean matchesMissing() {
                return !wanted;
            }
        };
    }

    private static ValueMatcher anythingBut(JsonNode operand) {
        if (operand.isObject()) {
            ValueMatcher excluded = anythingButOperator(operand);
            return value -> !excluded.matches(value);
        }
        List<ValueMatcher> excluded = new ArrayList<>();
        if (operand.isArray()) {
            if (operand.isEmpty()) {
                throw new InvalidEventPatternException("anything-but list must not be empty");
            }
            operand.forEach(v -> excluded.add(literalForAnythingBut(v)));
        } else {
            excluded.add(literalForAnythingBut(operand));
        }
        return value -> excluded.stream().noneMatch(e -> e.matches(value));
    }

    private static ValueMatcher anythingButOperator(JsonNode operand) {
        String name = operand.size() == 1 ? operand.fieldNames().next() : "";
        JsonNode argument = operand.get(name);
        return switch (name) {
            case "prefix" -> affix(argument, "prefix", true);
            case "suffix" -> affix(argument, "suffix", false);
            case "equals-ignore-case" -> anyOf(argument, name, ValueMatcher::ignoringCase);
            case "wildcard" -> anyOf(argument, name, Wildcard::of);
            default -> throw new InvalidEventPatternException("Unsupported anything-but pattern " + operand);
        };
    }

    private static ValueMatcher anyOf(JsonNode argument, String operator,
                                      Function<String, ValueMatcher> factory) {
        List<ValueMatcher> matchers = new ArrayList<>();
        if (argument.isArray() && !argument.isEmpty()) {
            argument.forEach(v -> matchers.add(factory.apply(text(v, operator))));
        } else {
            matchers.add(factory.apply(text(argument, operator)));
        }
        return value -> matchers.stream().anyMatch(m -> m.matches(value));
    }

    private static ValueMatcher literalForAnythingBut(JsonNode value) {
        if (!value.isTextual() && !value.isNumber()) {
            throw new InvalidEventPatternException("Inside anything-but list, only strings and numbers are allowed");
        }
        return literal(value);
    }

    static String text(JsonNode operand, String operator) {
        if (!operand.isTextual()) {
            throw new InvalidEventPatternException(operator + " match pattern must be a string, found " + operand);
        }
        return operand.asText();
    }
}
