package org.ahibridge.exporting;

import java.util.function.LongSupplier;

/**
 * How many frames the export keeps fetched or in flight, for the whole process: sized from rate x latency
 * (Little's law) so that GetImageFrame runs at its pace however far away AHI is, and bounded in count and bytes
 * so that memory stays flat. The limit is {@code ceil(framesPerSecond x latency x headroom)} between
 * {@code minimum} and {@code maximum}, where latency is the measured time of a GetImageFrame; the headroom
 * covers frames fetched but not yet written. A permit is taken before a fetch starts and given back when
 * the writer has taken the frame.
 */
final class FrameBudget {

    private final double framesPerSecond;
    private final LongSupplier latencyNanos;
    private final ExportSettings settings;
    private int inFlight;
    private long bytes;

    FrameBudget(double framesPerSecond, LongSupplier latencyNanos, ExportSettings settings) {
        this.framesPerSecond = framesPerSecond;
        this.latencyNanos = latencyNanos;
        this.settings = settings;
    }

    /** The current limit on frames fetched or in flight. */
    synchronized int limit() {
        double wanted = Math.ceil(framesPerSecond * latencyNanos.getAsLong() / 1e9 * settings.headroom());
        return (int) Math.max(settings.minFramesInFlight(), Math.min(settings.maxFramesInFlight(), wanted));
    }

    /** Takes a permit for a frame of {@code size} bytes if one is free now. */
    synchronized boolean tryAcquire(long size) {
        // One frame always fits, however large, so that a single huge frame cannot stall the export.
        if (inFlight < limit() && (inFlight == 0 || bytes + size <= settings.maxBufferedBytes())) {
            inFlight++;
            bytes += size;
            return true;
        }
        return false;
    }

    /** Takes a permit, waiting for one; only a caller that holds no permit may wait (else two could deadlock). */
    synchronized void acquire(long size) throws InterruptedException {
        while (!tryAcquire(size)) {
            // The limit also rises with the measured latency, which notifies no one: look again now and then.
            wait(20);
        }
    }

    synchronized void release(long size) {
        inFlight--;
        bytes -= size;
        notifyAll();
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
