package org.ahibridge.eventbridge;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-file outcome events ({@code ahibridge.import.outcome-events.*}, docs/import-pipeline.md §7):
 * published only when {@code bus} is set.
 *
 * @param bus        the EventBridge bus (name or ARN) that receives one event per terminal outcome
 * @param source     the events' {@code source}; EventBridge reserves {@code aws.*} for AWS services
 * @param detailType the events' {@code detail-type}
 * @param region     the bus's region (default: SDK region chain, else us-east-1)
 * @param endpoint   EventBridge endpoint override (the emulator)
 * @param capacity   outcomes waiting to be sent; beyond it new ones are counted as failed, never block the import
 */
@ConfigurationProperties("ahibridge.import.outcome-events")
public record OutcomeEventsProperties(String bus, @DefaultValue("ahi-bridge") String source,
        @DefaultValue("Import File Outcome") String detailType, String region, URI endpoint,
        @DefaultValue("10000") int capacity) {

    public OutcomeEventsProperties {
        String key = "ahibridge.import.outcome-events.";
        if (bus != null && bus.isBlank()) {
            throw new IllegalArgumentException(key + "bus is blank: name a bus, or remove the key to publish nothing");
        }
        if (source == null || source.isBlank() || source.startsWith("aws.")) {
            throw new IllegalArgumentException(key + "source '" + source + "' cannot be used: EventBridge reserves"
                    + " aws.* for AWS services");
        }
        if (detailType == null || detailType.isBlank()) {
            throw new IllegalArgumentException(key + "detail-type must not be blank");
        }
        if (capacity < 10) {
            throw new IllegalArgumentException(key + "capacity must be at least 10 (one PutEvents call), not "
                    + capacity);
        }
    }
}
