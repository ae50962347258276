package org.ahibridge.emulator.eventbridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Buses and rules (with their targets), in memory and, when a state directory is given, in
 * {@code eventbridge-state.json} there, rewritten atomically after every change so that a new emulator on
 * the same directory starts with the same configuration. Events themselves are never stored.
 */
final class EventBridgeStore {

    static final String FILE_NAME = "eventbridge-state.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, EventBus> buses = new TreeMap<>();
    private final Map<String, Map<String, Rule>> rules = new TreeMap<>();
    private final Path file;

    EventBridgeStore(Path stateDirectory) {
        this.file = stateDirectory == null ? null : stateDirectory.resolve(FILE_NAME);
        if (file != null && Files.isRegularFile(file)) {
            load();
        } else {
            buses.put("default", new EventBus("default", null, Instant.now().getEpochSecond()));
        }
    }

    synchronized EventBus bus(String name) {
        EventBus bus = buses.get(name);
        if (bus == null) {
            throw ServiceError.busNotFound(name);
        }
        return bus;
    }

    synchronized List<EventBus> buses() {
        return List.copyOf(buses.values());
    }

    synchronized EventBus createBus(String name, String description) {
        if (buses.containsKey(name)) {
            throw new ServiceError("ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
        }
        EventBus bus = new EventBus(name, description, Instant.now().getEpochSecond());
        buses.put(name, bus);
        persist();
        return bus;
    }

    synchronized void deleteBus(String name) {
        if (!rules.getOrDefault(name, Map.of()).isEmpty()) {
            // The API reference says all rules of the bus need to be deleted first.
            throw ServiceError.validation("Event bus " + name + " still has rules; delete them first.");
        }
        if (buses.remove(name) != null) {
            rules.remove(name);
            persist();
        }
    }

    /** The rule, or ResourceNotFoundException when the bus or the rule does not exist. */
    synchronized Rule rule(String bus, String name) {
        Rule rule = rulesOf(bus).get(name);
        if (rule == null) {
            throw ServiceError.ruleNotFound(name, bus);
        }
        return rule;
    }

    synchronized List<Rule> rules(String bus) {
        return List.copyOf(rulesOf(bus).values());
    }

    /**
     * Replaces the rule {@code name} on {@code bus} by what {@code change} makes of it (null when it does not
     * exist yet), atomically with respect to other changes; a ServiceError thrown by {@code change} leaves
     * everything as it was.
     */
    synchronized Rule change(String bus, String name, UnaryOperator<Rule> change) {
        Map<String, Rule> onBus = rulesOf(bus);
        Rule changed = change.apply(onBus.get(name));
        onBus.put(name, changed);
        persist();
        return changed;
    }

    /** Deletes the rule if it exists and {@code check} (which may throw a ServiceError) lets it. */
    synchronized void delete(String bus, String name, Consumer<Rule> check) {
        Map<String, Rule> onBus = rulesOf(bus);
        Rule rule = onBus.get(name);
        if (rule != null) {
            check.accept(rule);
            onBus.remove(name);
            persist();
        }
    }

    private Map<String, Rule> rulesOf(String bus) {
        bus(bus);
        return rules.computeIfAbsent(bus, b -> new TreeMap<>());
    }

    private void load() {
        try {
            Snapshot snapshot = JSON.readValue(file.toFile(), Snapshot.class);
            snapshot.buses().forEach(bus -> buses.put(bus.name(), bus));
            for (Rule rule : snapshot.rules()) {
                if (rule.eventPattern() != null) {
                    EventPattern.parse(rule.eventPattern());
                }
                rules.computeIfAbsent(rule.bus(), b -> new TreeMap<>()).put(rule.name(), rule);
            }
        } catch (InvalidEventPatternException e) {
            throw new IllegalStateException("The EventBridge state in " + file + " holds a rule with an invalid pattern: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the EventBridge state in " + file, e);
        }
    }

    private void persist() {
        if (file == null) {
            return;
        }
        List<Rule> allRules = new ArrayList<>();
        rules.values().forEach(byName -> allRules.addAll(byName.values()));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            JSON.writeValue(temporary.toFile(), new Snapshot(List.copyOf(buses.values()), allRules));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the EventBridge state to " + file, e);
        }
    }

    private record Snapshot(List<EventBus> buses, List<Rule> rules) {
    }
}
