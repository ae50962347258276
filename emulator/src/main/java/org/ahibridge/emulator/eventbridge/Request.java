package org.ahibridge.emulator.eventbridge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Typed, validated access to the members of one AWS JSON 1.1 request body, with the service's constraint messages. */
record Request(JsonNode body) {

    static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]+");
    static final Pattern BUS_NAME = Pattern.compile("(arn:aws[\\w-]*:events:[a-z0-9-]+:\\d{12}:event-bus/)?[/.\\-_A-Za-z0-9]+");

    String required(String member) {
        String value = optional(member);
        if (value == null) {
            throw ServiceError.validation("1 validation error detected: Value null at '" + lower(member)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    String optional(String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ServiceError.validation("Member " + member + " must be a string");
        }
        return value.asText();
    }

    String name(String member, Pattern pattern, int maxLength) {
        String value = required(member);
        return checked(member, value, pattern, maxLength);
    }

    static String checked(String member, String value, Pattern pattern, int maxLength) {
        if (value.isEmpty() || value.length() > maxLength || !pattern.matcher(value).matches()) {
            throw ServiceError.validation("1 validation error detected: Value '" + value + "' at '" + lower(member)
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + pattern.pattern() + " and have length between 1 and " + maxLength);
        }
        return value;
    }

    /** The bus a request names by name or ARN, "default" when absent. */
    String busName() {
        String bus = optional("EventBusName");
        if (bus == null) {
            return "default";
        }
        checked("EventBusName", bus, BUS_NAME, 1600);
        return Arns.busName(bus);
    }

    List<JsonNode> list(String member, int min, int max) {
        JsonNode value = body.get(member);
        int size = value == null || !value.isArray() ? 0 : value.size();
        if (size < min || size > max) {
            throw ServiceError.validation("1 validation error detected: Value at '" + lower(member)
                    + "' failed to satisfy constraint: Member must have length between " + min + " and " + max);
        }
        List<JsonNode> items = new ArrayList<>();
        if (value != null) {
            value.forEach(items::add);
        }
        return items;
    }

    boolean flag(String member) {
        JsonNode value = body.get(member);
        return value != null && value.asBoolean(false);
    }

    /** The page this request asks for: its Limit (1-100, default 100) and the offset carried by NextToken. */
    Page page() {
        JsonNode limit = body.get("Limit");
        int size = limit == null || limit.isNull() ? 100 : limit.asInt(0);
        if (size < 1 || size > 100) {
            throw ServiceError.validation("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100");
        }
        return new Page(Page.offsetOf(optional("NextToken")), size);
    }

    private static String lower(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    /** A window on a listing; NextToken is an opaque (base64) offset. */
    record Page(int offset, int size) {

        static int offsetOf(String token) {
            if (token == null) {
                return 0;
            }
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (decoded.startsWith("offset:")) {
                    int offset = Integer.parseInt(decoded.substring("offset:".length()));
                    if (offset >= 0) {
                        return offset;
                    }
                }
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
            throw ServiceError.validation("The NextToken is not valid.");
        }

        /** Writes the page of {@code items} into {@code response} under {@code member}, with NextToken when more remain. */
        <T> void write(List<T> items, ObjectNode response, String member, Function<T, JsonNode> json) {
            ArrayNode array = response.putArray(member);
            int end = Math.min(items.size(), offset + size);
            for (int i = offset; i < end; i++) {
                array.add(json.apply(items.get(i)));
            }
            if (end < items.size()) {
                response.put("NextToken", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }
}
