package org.ahibridge.emulator.ahi;

import java.util.function.LongSupplier;

import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.emulator.ahi.fault.TokenBucket;
import org.ahibridge.emulator.ahi.store.AhiStore;

/** What every handler needs: settings, state, events, faults and the clock (epoch milliseconds). */
public record AhiContext(AhiSettings settings, AhiStore store, AhiEvents events, FaultInjector faults,
        LongSupplier clock, TokenBucket startJobBucket) {

    public long now() {
        return clock.getAsLong();
    }

    /** A path parameter that must be a 32-character id. */
    public static String id(AhiRequest request, String name) {
        return Validate.required(name, request.path(name), Validate.ID);
    }
}
