package org.ahibridge.emulator.ahi;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One parsed HTTP request to the AHI API: path parameters (URL-decoded), query parameters (a list per
 * name, URL-decoded), headers (lower-case names) and the raw body.
 */
public record AhiRequest(String operation, Map<String, String> path, Map<String, List<String>> query,
        Map<String, String> headers, byte[] body) {

    public String path(String name) {
        return path.get(name);
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    public String header(String name) {
        return headers.get(name.toLowerCase());
    }

    /** The body as JSON; an absent or empty body is an empty object. Malformed JSON is a ValidationException. */
    public JsonNode json() {
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw AhiError.validation("The request body must be a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw AhiError.validation("The request body is not valid JSON");
        }
    }

    /** A boolean query parameter: absent = false; anything but true/false is a ValidationException. */
    public boolean flag(String name) {
        String value = query(name);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw AhiError.validation("Invalid value for query parameter " + name + ": must be true or false");
        }
        return Boolean.parseBoolean(value);
    }
}
