package org.ahibridge.emulator.eventbridge;

/** An event bus: the account's "default" bus or one made by CreateEventBus. */
record EventBus(String name, String description, long createdEpochSeconds) {
}
