package org.ahibridge.ahi;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.ahibridge.metrics.PipelineMeters;

/**
 * The one retry policy of the AHI boundary, for import and export alike: a call that failed with a transient
 * error ({@link AhiThrottledException}, as {@link AhiErrors} classifies it: throttling, quota, 5xx, no
 * answer, "not consistent yet") is tried again after an exponential backoff with jitter, at most
 * {@code maxAttempts} times in all; the last transient failure and every other failure go to the caller.
 * The SDK's own retries are off on the clients ({@link AhiClients}), so each attempt is counted once.
 */
public record AhiRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** 6 tries, 100 ms doubling to 5 s: rides out a throttled second and a metadata update settling. */
    public static final AhiRetry DEFAULT = new AhiRetry(6, Duration.ofMillis(100), Duration.ofSeconds(5));

    public AhiRetry {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20, not " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must be positive, the maximum at least the initial one");
        }
    }

    /** One try only: the caller handles {@link AhiThrottledException} itself. */
    public static AhiRetry once() {
        return new AhiRetry(1, Duration.ZERO, Duration.ZERO);
    }

    public <T> T call(Supplier<T> action) {
        long backoff = initialBackoff.toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                return action.get();
            } catch (AhiThrottledException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                PipelineMeters.process().ahiRetry(e.operation());
                pause(ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1), e);
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        }
    }

    private static void pause(long millis, AhiThrottledException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AhiThrottledException(cause.operation(), cause.errorCode(), cause.statusCode(),
                    "interrupted while backing off", e);
        }
    }
}
