package org.ahibridge.ahi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    final AtomicLong nanos = new AtomicLong();

    void advanceMillis(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void shouldAllowTheBurstAtOnceAndThenTheRate() {
        TokenBucket bucket = new TokenBucket(0.5, 2, nanos::get);

        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
        assertThat(bucket.nanosUntilAvailable()).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        advanceMillis(1_999);
        assertThat(bucket.tryAcquire()).isFalse();
        advanceMillis(1);
        assertThat(bucket.tryAcquire()).isTrue();
    }

    @Test
    void shouldNeverSaveUpMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(1, 2, nanos::get);
        advanceMillis(60_000);

        int granted = 0;
        while (bucket.tryAcquire()) {
            granted++;
        }

        assertThat(granted).isEqualTo(2);
    }

    @Test
    void shouldKeepStartsOfAnHourAtOrBelowTheConfiguredRate() {
        TokenBucket bucket = new TokenBucket(0.5, 2, nanos::get);
        int granted = 0;
        for (int second = 0; second < 3_600; second++) {
            if (bucket.tryAcquire()) {
                granted++;
            }
            advanceMillis(1_000);
        }

        assertThat(granted).isBetween(1_800, 1_802);
    }

    @Test
    void shouldRejectANonPositiveRate() {
        assertThatThrownBy(() -> new TokenBucket(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
