package org.ahibridge.camel;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the objects an SQS message announces: an S3 event notification
 * (<a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html">message
 * structure</a>: {@code Records[].s3.bucket.name} and URL-encoded {@code s3.object.key}, only
 * {@code ObjectCreated:*} events), or an EventBridge "Object Created" event from S3 ({@code detail.bucket.name},
 * {@code detail.object.key}). Anything else yields no object (an S3 test event, for instance).
 */
final class ObjectEvents {

    /** One announced object. */
    record Announced(String bucket, String key) {
    }

    private final ObjectMapper json;

    ObjectEvents(ObjectMapper json) {
        this.json = json;
    }

    List<Announced> read(String body) {
        List<Announced> found = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("the message is not JSON: " + e.getMessage());
        }
        if (root == null) {
            return found;
        }
        for (JsonNode record : root.path("Records")) {
            if (record.path("eventName").asText("").startsWith("ObjectCreated:")) {
                String key = record.path("s3").path("object").path("key").asText(null);
                String bucket = record.path("s3").path("bucket").path("name").asText(null);
                if (key != null && bucket != null) {
                    // S3 notifications URL-encode keys, with '+' for spaces.
                    found.add(new Announced(bucket, URLDecoder.decode(key, StandardCharsets.UTF_8)));
                }
            }
        }
        if ("Object Created".equals(root.path("detail-type").asText(null))) {
            String key = root.path("detail").path("object").path("key").asText(null);
            String bucket = root.path("detail").path("bucket").path("name").asText(null);
            if (key != null && bucket != null) {
                found.add(new Announced(bucket, key));
            }
        }
        return found;
    }
}
