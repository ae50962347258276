package org.ahibridge.exporting;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.ahibridge.ahi.AhiThrottledException;

/**
 * Retries a call that failed with a transient AHI error ({@link AhiThrottledException}: throttling,
 * 5xx, no answer) with exponential backoff and full jitter, at most {@link ExportPacing#maxAttempts()}
 * tries; any other failure, and the last transient one, goes to the caller.
 */
final class Retrier {

    private final ExportPacing pacing;

    Retrier(ExportPacing pacing) {
        this.pacing = pacing;
    }

    <T> T call(Supplier<T> action) {
        long backoff = pacing.initialBackoff().toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                return action.get();
            } catch (AhiThrottledException e) {
                if (attempt >= pacing.maxAttempts()) {
                    throw e;
                }
                sleep(ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1));
                backoff = Math.min(backoff * 2, pacing.maxBackoff().toMillis());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AhiThrottledException("retry", null, 0, "interrupted while backing off", e);
        }
    }
}
