package org.ahibridge.cli;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.audit.JsonLines;
import org.ahibridge.metrics.AwsRequestCounts;

/**
 * The AWS requests of one command run, for its JSON summary: {@code "requests"} counts every attempt by
 * {@code Service.Operation} (retries included) and {@code "throttled"} the attempts answered as throttled, so a
 * benchmark can divide by the number of objects. Counted from the process's {@link AwsRequestCounts} between
 * {@link #start()} and {@link #sent()}, so commands run one after another in one JVM (tests) count their own.
 */
final class RunRequests {

    private static final ObjectMapper JSON = JsonLines.mapper();

    private final AwsRequestCounts.Snapshot before;

    private RunRequests(AwsRequestCounts.Snapshot before) {
        this.before = before;
    }

    static RunRequests start() {
        return new RunRequests(AwsRequestCounts.process().snapshot());
    }

    AwsRequestCounts.Snapshot sent() {
        return AwsRequestCounts.process().snapshot().since(before);
    }

    /** Adds {@code requests} and {@code throttled} to a summary's fields. */
    void addTo(Map<String, Object> fields) {
        AwsRequestCounts.Snapshot sent = sent();
        fields.put("requests", sent.attempts());
        fields.put("throttled", sent.throttled());
    }

    /** A JSON object line with {@code requests} and {@code throttled} added at its end. */
    String addTo(String summaryLine) throws java.io.IOException {
        ObjectNode summary = (ObjectNode) JSON.readTree(summaryLine);
        AwsRequestCounts.Snapshot sent = sent();
        summary.set("requests", JSON.valueToTree(sent.attempts()));
        summary.set("throttled", JSON.valueToTree(sent.throttled()));
        return JSON.writeValueAsString(summary);
    }
}
