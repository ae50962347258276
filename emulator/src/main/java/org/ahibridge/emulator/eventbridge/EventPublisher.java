package org.ahibridge.emulator.eventbridge;

/** Where emulated services send their events: the emulated EventBridge default bus. */
public interface EventPublisher {

    /** Delivers an event to the default bus; never throws for a delivery failure to a target. */
    void publish(AwsEvent event);

    /** Drops every event (an emulator started without EventBridge). */
    EventPublisher NONE = event -> {
    };
}
