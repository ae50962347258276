package org.ahibridge.emulator.ahi.fault;

/**
 * A token bucket: {@code rate} tokens per second up to {@code burst} (the AHI throttling limits,
 * docs/aws-healthimaging.md §8.2: StartDICOMImportJob 1 TPS, burst 2).
 */
public final class TokenBucket {

    private final double rate;
    private final int burst;
    private double tokens;
    private long last = System.nanoTime();

    public TokenBucket(double rate, int burst) {
        this.rate = rate;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Takes a token when one is available. */
    public synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
