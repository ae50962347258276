package org.ahibridge.ahi;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Paces calls to a rate with a burst allowance, like AHI's own throttle (StartDICOMImportJob: 1 per
 * second, burst 2, docs/aws-healthimaging.md §8.2). {@link #tryAcquire()} never blocks; {@link #acquire()} waits for
 * the
 * next token. Per process: several instances share AHI's budget, so configure the rate accordingly.
 */
public final class TokenBucket {

    private final double tokensPerNano;
    private final int burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.tokensPerNano = perSecond / TimeUnit.SECONDS.toNanos(1);
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    /** Takes a token if one is available now. */
    public synchronized boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Nanoseconds until a token is available (0 when one is available now). */
    public synchronized long nanosUntilAvailable() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    /** Takes a token, waiting as long as needed. */
    public void acquire() throws InterruptedException {
        while (!tryAcquire()) {
            TimeUnit.NANOSECONDS.sleep(Math.max(1_000_000, nanosUntilAvailable()));
        }
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * tokensPerNano);
        last = now;
    }
}
