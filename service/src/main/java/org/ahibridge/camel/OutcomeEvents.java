package org.ahibridge.camel;

import java.util.function.Supplier;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.eventbridge.OutcomeEventPublisher;

/**
 * The {@code importOutcomeEvents} bean of routes/import-outcome.camel.yaml: queues the outcome for the
 * EventBridge bus of {@code ahibridge.import.outcome-events.bus}, and does nothing when that is unset.
 * It never blocks and never throws ({@link OutcomeEventPublisher#publish}).
 */
public final class OutcomeEvents {

    private final Supplier<OutcomeEventPublisher> publisher;

    public OutcomeEvents(Supplier<OutcomeEventPublisher> publisher) {
        this.publisher = publisher;
    }

    public void publish(AuditRecord record) {
        OutcomeEventPublisher events = publisher.get();
        if (events != null) {
            events.publish(record);
        }
    }
}
