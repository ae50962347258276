package org.ahibridge.ahi;

/**
 * A moving average of how long one kind of AHI call takes, from the request to the last byte of the answer,
 * waits for the pace excluded: what a caller multiplies by a rate to know how many calls to keep in flight
 * (Little's law). Starts at {@code initialNanos} until the first call is measured.
 */
public final class LatencyGauge {

    /** Weight of each new sample: about the last 20 calls count. */
    private static final double WEIGHT = 0.05;

    private final long initialNanos;
    private double average = -1;

    public LatencyGauge(long initialNanos) {
        this.initialNanos = initialNanos;
    }

    public synchronized void record(long nanos) {
        average = average < 0 ? nanos : average + WEIGHT * (nanos - average);
    }

    public synchronized long nanos() {
        return average < 0 ? initialNanos : (long) average;
    }
}
