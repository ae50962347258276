package org.ahibridge.importing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * New batch ids such as {@code 20261122T234600Z-3f2a9c0d1e2b}: sortable by creation time, unique, and
 * valid both as an S3 folder name and as an AHI {@code clientToken} ({@code [A-Za-z0-9._-]+}, at most
 * 64 characters, docs/aws-healthimaging.md §1.5), so the batch id is the import job's idempotency token.
 */
public final class BatchIds implements Supplier<String> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public BatchIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String get() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(bytes);
    }
}
