package org.ahibridge.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * A health check answered from its last result for a while, so that frequent probes and scrapes cannot turn
 * into a stream of calls to AHI or a storage (GetDatastore is throttled at 10 per second per account,
 * shared with every other client of that account). Concurrent callers after the result expired run the check
 * once between them.
 */
final class CachedHealth implements HealthIndicator {

    private final HealthIndicator check;
    private final Duration timeToLive;
    private final Clock clock;
    private Health last;
    private Instant checkedAt = Instant.MIN;

    CachedHealth(HealthIndicator check, Duration timeToLive, Clock clock) {
        this.check = check;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plus(timeToLive))) {
            last = check.health();
            checkedAt = now;
        }
        return last;
    }
}
