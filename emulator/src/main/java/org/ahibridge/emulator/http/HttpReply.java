package org.ahibridge.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A complete HTTP response from an emulated service: status, headers, body. */
public record HttpReply(int status, Map<String, String> headers, byte[] body) {

    public static HttpReply json(int status, String json) {
        return new HttpReply(status, Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
    }
}
