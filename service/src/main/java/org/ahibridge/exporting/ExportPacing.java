package org.ahibridge.exporting;

import java.time.Duration;

/**
 * Rates and retries for the AHI calls of an export. The defaults stay below AHI's throttling limits
 * (docs/aws-healthimaging.md §8.2: GetImageFrame 1000 TPS, GetImageSetMetadata 50, SearchImageSets and GetImageSet 25)
 * with a margin, per process; retries are exponential from {@code initialBackoff}, doubling up to
 * {@code maxBackoff}, at most {@code maxAttempts} tries per call.
 */
public record ExportPacing(double framesPerSecond, double metadataPerSecond, double searchesPerSecond,
        int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final ExportPacing DEFAULT = new ExportPacing(900, 45, 20, 6, Duration.ofMillis(100),
            Duration.ofSeconds(5));

    public ExportPacing {
        if (framesPerSecond <= 0 || metadataPerSecond <= 0 || searchesPerSecond <= 0) {
            throw new IllegalArgumentException("rates must be positive");
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20, not " + maxAttempts);
        }
    }

    public ExportPacing withRetries(int attempts, Duration initial) {
        return new ExportPacing(framesPerSecond, metadataPerSecond, searchesPerSecond, attempts, initial, maxBackoff);
    }
}
