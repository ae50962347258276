package org.ahibridge.importing;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An "Import Job Completed" or "Import Job Failed" event of AHI as EventBridge delivers it to an SQS
 * queue (docs/aws-healthimaging.md §7.2): source {@code aws.medical-imaging}, {@code detail.datastoreId},
 * {@code detail.jobId}, {@code detail.jobStatus}. Other events, and bodies that are not such JSON, read
 * as empty.
 */
public record JobEvent(String detailType, String datastoreId, String jobId, String jobStatus) {

    public static final String SOURCE = "aws.medical-imaging";
    public static final String COMPLETED = "Import Job Completed";
    public static final String FAILED = "Import Job Failed";

    /** The job-end event in {@code body}, or empty when the body is something else (never throws). */
    public static Optional<JobEvent> read(ObjectMapper json, String body) {
        JsonNode root;
        try {
            root = body == null ? null : json.readTree(body);
        } catch (Exception notJson) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !SOURCE.equals(root.path("source").asText(null))) {
            return Optional.empty();
        }
        String detailType = root.path("detail-type").asText("");
        if (!detailType.equals(COMPLETED) && !detailType.equals(FAILED)) {
            return Optional.empty();
        }
        JsonNode detail = root.path("detail");
        String datastoreId = detail.path("datastoreId").asText(null);
        String jobId = detail.path("jobId").asText(null);
        if (datastoreId == null || jobId == null || datastoreId.isBlank() || jobId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new JobEvent(detailType, datastoreId, jobId, detail.path("jobStatus").asText(null)));
    }
}
