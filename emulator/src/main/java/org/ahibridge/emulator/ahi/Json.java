package org.ahibridge.emulator.ahi;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.http.HttpReply;

/** JSON helpers: one mapper, and rest-json timestamps as epoch seconds (docs/aws-healthimaging.md §1.5). */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Epoch milliseconds as fractional epoch seconds, written without an exponent: 1680027253.471. */
    public static BigDecimal epoch(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }

    /** Puts a timestamp member when the time is set (> 0). */
    public static void putTime(ObjectNode node, String name, long millis) {
        if (millis > 0) {
            node.put(name, epoch(millis));
        }
    }

    /** Epoch seconds (a JSON number) as epoch milliseconds. */
    public static long millis(JsonNode value) {
        if (value == null || !value.isNumber()) {
            throw AhiError.validation("A timestamp must be a number of epoch seconds");
        }
        return value.decimalValue().movePointRight(3).longValue();
    }

    public static HttpReply ok(JsonNode body) {
        try {
            return HttpReply.json(200, MAPPER.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
