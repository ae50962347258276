package org.ahibridge.emulator.eventbridge;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event as an AWS service emits it onto the default bus (EventBridge event envelope fields
 * {@code source}, {@code detail-type}, {@code resources}, {@code detail}; the bus adds {@code id},
 * {@code time}, {@code account}, {@code region} and {@code version}).
 */
public record AwsEvent(String source, String detailType, List<String> resources, JsonNode detail) {
}
