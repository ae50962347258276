package org.ahibridge.emulator.eventbridge;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CreateEventBus, DescribeEventBus, DeleteEventBus and ListEventBuses.
 *
 * @see <a href="https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateEventBus.html">CreateEventBus</a>
 */
final class BusOperations {

    private static final Pattern NEW_BUS_NAME = Pattern.compile("[.\\-_A-Za-z0-9]+");

    private final EventBridgeStore store;
    private final String region;
    private final String account;

    BusOperations(EventBridgeStore store, String region, String account) {
        this.store = store;
        this.region = region;
        this.account = account;
    }

    JsonNode createEventBus(Request request) {
        String name = request.name("Name", NEW_BUS_NAME, 256);
        EventBus bus = store.createBus(name, request.optional("Description"));
        ObjectNode response = RuleOperations.object().put("EventBusArn", Arns.bus(region, account, bus.name()));
        if (bus.description() != null) {
            response.put("Description", bus.description());
        }
        return response;
    }

    JsonNode describeEventBus(Request request) {
        String name = request.optional("Name");
        return busJson(store.bus(name == null ? "default" : Arns.busName(name)));
    }

    /** Deletes a custom bus that has no rules left; deleting a bus that does not exist succeeds. */
    JsonNode deleteEventBus(Request request) {
        String name = request.name("Name", NEW_BUS_NAME, 256);
        if ("default".equals(name)) {
            throw ServiceError.validation("Cannot delete event bus default.");
        }
        store.deleteBus(name);
        return RuleOperations.object();
    }

    JsonNode listEventBuses(Request request) {
        String prefix = request.optional("NamePrefix");
        Request.Page page = request.page();
        List<EventBus> buses = store.buses().stream()
                .filter(bus -> prefix == null || bus.name().startsWith(prefix))
                .toList();
        ObjectNode response = RuleOperations.object();
        page.write(buses, response, "EventBuses", this::busJson);
        return response;
    }

    private JsonNode busJson(EventBus bus) {
        ObjectNode json = RuleOperations.object()
                .put("Name", bus.name())
                .put("Arn", Arns.bus(region, account, bus.name()));
        if (bus.description() != null) {
            json.put("Description", bus.description());
        }
        return json.put("CreationTime", bus.createdEpochSeconds()).put("LastModifiedTime", bus.createdEpochSeconds());
    }
}
