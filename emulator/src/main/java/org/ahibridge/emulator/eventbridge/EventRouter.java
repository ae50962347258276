package org.ahibridge.emulator.eventbridge;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * PutEvents and the service events of {@link EventBridgeEmulator#publish}: wraps each entry in the
 * EventBridge envelope, matches it against the enabled rules of its bus and hands it to their targets.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html">PutEvents</a>
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html">Event structure</a>
 */
final class EventRouter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBridgeStore store;
    private final SqsTargetDelivery delivery;
    private final String region;
    private final String account;
    private final Map<String, EventPattern> patterns = new ConcurrentHashMap<>();

    EventRouter(EventBridgeStore store, SqsTargetDelivery delivery, String region, String account) {
        this.store = store;
        this.delivery = delivery;
        this.region = region;
        this.account = account;
    }

    JsonNode putEvents(Request request) {
        List<JsonNode> entries = request.list("Entries", 1, 10);
        ObjectNode response = RuleOperations.object();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            try {
                result.put("EventId", route(envelope(entry)));
            } catch (EntryError e) {
                failed++;
                result.put("ErrorCode", e.code).put("ErrorMessage", e.getMessage());
            }
        }
        return response.put("FailedEntryCount", failed);
    }

    /** Puts a service's event on the default bus; returns its id. */
    String publish(AwsEvent event) {
        return route("default", envelope(event.source(), event.detailType(), Instant.now(), event.resources(),
                event.detail()));
    }

    private String route(Routed routed) {
        return route(routed.bus(), routed.event());
    }

    private String route(String bus, ObjectNode envelope) {
        for (Rule rule : store.rules(bus)) {
            if (rule.takesEvents() && !rule.targets().isEmpty()
                    && patterns.computeIfAbsent(rule.eventPattern(), EventPattern::parse).matches(envelope)) {
                rule.targets().forEach(target -> delivery.deliver(rule, target, envelope));
            }
        }
        return envelope.get("id").asText();
    }

    private Routed envelope(JsonNode entry) {
        String source = text(entry, "Source");
        String detailType = text(entry, "DetailType");
        String detailText = text(entry, "Detail");
        if (source.startsWith("aws.")) {
            throw new EntryError("NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        JsonNode detail;
        try {
            detail = JSON.readTree(detailText);
        } catch (IOException e) {
            detail = null;
        }
        if (detail == null || !detail.isObject()) {
            throw new EntryError("MalformedDetail", "Detail is malformed.");
        }
        String bus = entry.hasNonNull("EventBusName") ? Arns.busName(entry.get("EventBusName").asText()) : "default";
        try {
            store.bus(bus);
        } catch (ServiceError e) {
            throw new EntryError("ResourceNotFoundException", e.getMessage());
        }
        Instant time = entry.path("Time").isNumber()
                ? Instant.ofEpochMilli((long) (entry.get("Time").asDouble() * 1000)) : Instant.now();
        List<String> resources = new ArrayList<>();
        for (JsonNode resource : entry.path("Resources")) {
            if (!resource.isTextual()) {
                throw new EntryError("InvalidArgument", "Parameter Resources is not valid. Reason: resources must be strings.");
            }
            resources.add(resource.asText());
        }
        return new Routed(bus, envelope(source, detailType, time, resources, detail));
    }

    private ObjectNode envelope(String source, String detailType, Instant time, List<String> resources, JsonNode detail) {
        ObjectNode envelope = RuleOperations.object()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", detailType)
                .put("source", source)
                .put("account", account)
                .put("time", time.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", region);
        ArrayNode array = envelope.putArray("resources");
        (resources == null ? List.<String>of() : resources).forEach(array::add);
        envelope.set("detail", detail == null ? RuleOperations.object() : detail.deepCopy());
        return envelope;
    }

    private static String text(JsonNode entry, String member) {
        JsonNode value = entry.get(member);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new EntryError("InvalidArgument", "Parameter " + member + " is not valid. Reason: " + member
                    + " is a required argument.");
        }
        return value.asText();
    }

    private record Routed(String bus, ObjectNode event) {
    }

    /** Why one PutEvents entry was refused; the other entries still go through. */
    private static final class EntryError extends RuntimeException {
        private final String code;

        EntryError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
