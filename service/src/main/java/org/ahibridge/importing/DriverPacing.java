package org.ahibridge.importing;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JobDriver} paces itself: the longest wait of its drive loop, how often a batch's start
 * may be throttled (and a batch's storage faults retried) before it gives up, and when it asks AHI about
 * a submitted job ({@link JobChecks}).
 */
public record DriverPacing(Duration pollInterval, int maxStartAttempts, JobChecks checks) {

    public DriverPacing {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(checks, "checks");
    }
}
