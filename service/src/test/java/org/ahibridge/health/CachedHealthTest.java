package org.ahibridge.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.ahibridge.ahi.AhiOperations;
import org.ahibridge.ahi.AhiThrottledException;
import org.ahibridge.ahi.ImportJob;
import org.ahibridge.ahi.ImportJobRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class CachedHealthTest {

    private Instant now = Instant.parse("2026-12-07T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void shouldAskTheCheckAgainOnlyOnceItsResultExpired() {
        AtomicInteger calls = new AtomicInteger();
        CachedHealth health = new CachedHealth(() -> Health.up().withDetail("call", calls.incrementAndGet()).build(),
                Duration.ofSeconds(10), clock);

        assertThat(health.health().getDetails()).containsEntry("call", 1);
        now = now.plusSeconds(9);
        assertThat(health.health().getDetails()).containsEntry("call", 1);
        now = now.plusSeconds(1);
        assertThat(health.health().getDetails()).containsEntry("call", 2);
        assertThat(calls).hasValue(2);
    }

    @Test
    void shouldReportADatastoreUpOnlyWhenActiveAndNameTheFailureWithoutItsMessage() {
        assertThat(new DatastoreHealth(() -> ahi("ACTIVE", null), "ds").health().getStatus()).isEqualTo(Status.UP);
        Health creating = new DatastoreHealth(() -> ahi("CREATING", null), "ds").health();
        assertThat(creating.getStatus()).isEqualTo(Status.DOWN);
        assertThat(creating.getDetails()).containsEntry("datastoreStatus", "CREATING");

        Health unreachable = new DatastoreHealth(() -> ahi(null, new AhiThrottledException("GetDatastore", null, 0,
                "no answer from AHI: Unable to execute HTTP request: Connect to secret-host:4599 failed", null)), "ds")
                .health();
        assertThat(unreachable.getStatus()).isEqualTo(Status.DOWN);
        assertThat(unreachable.getDetails()).containsExactly(java.util.Map.entry("error", "no answer from AHI"));

        Health throttled = new DatastoreHealth(() -> ahi(null, new AhiThrottledException("GetDatastore",
                "ThrottlingException", 429, "Rate exceeded for account 123456789012", null)), "ds").health();
        assertThat(throttled.getDetails().get("error")).isEqualTo(
                "throttled or unavailable: ThrottlingException (HTTP 429)");
    }

    private static AhiOperations ahi(String status, RuntimeException failure) {
        return new AhiOperations() {
            @Override
            public ImportJob startImportJob(ImportJobRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ImportJob getImportJob(String datastoreId, String jobId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String datastoreStatus(String datastoreId) {
                if (failure != null) {
                    throw failure;
                }
                return status;
            }
        };
    }
}
