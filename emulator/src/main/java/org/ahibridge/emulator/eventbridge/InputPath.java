package org.ahibridge.emulator.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The subset of JSONPath a target's InputPath may use here: {@code $} and dotted member names
 * ({@code $.detail}, {@code $.detail.jobId}, {@code $.detail-type}).
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-targets.html">EventBridge targets: InputPath</a>
 */
final class InputPath {

    private InputPath() {
    }

    static boolean isValid(String path) {
        return path.matches("\\$(\\.[A-Za-z0-9_\\-]+)*");
    }

    /** The selected part of the event, or null when the path selects nothing. */
    static JsonNode select(JsonNode event, String path) {
        JsonNode node = event;
        for (String member : path.substring(1).split("\\.")) {
            if (!member.isEmpty()) {
                node = node == null ? null : node.get(member);
            }
        }
        return node;
    }
}
