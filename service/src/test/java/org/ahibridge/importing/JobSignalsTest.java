package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** When a submitted batch is checked with GetDICOMImportJob once job events are on. */
class JobSignalsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:00:00Z"));
    final JobSignals signals = new JobSignals(clock, Duration.ofMinutes(5));

    static Batch submitted(String batchId, String jobId, Instant at) {
        return new Batch(batchId, "main", BatchState.SUBMITTED, 3, 300, "stage/" + batchId + "/", jobId, batchId, 1,
                null, at, at, at, null);
    }

    @Test
    void shouldNotCheckAFreshJobUntilItsEventArrives() {
        Batch batch = submitted("b1", "job-1", clock.instant());
        assertThat(signals.due(batch)).isFalse();

        signals.jobFinished("job-1");

        assertThat(signals.due(batch)).isTrue();
        assertThat(signals.due(submitted("b2", "job-2", clock.instant()))).isFalse();
    }

    @Test
    void shouldFallBackToACheckEveryIntervalWhenNoEventArrives() {
        Batch batch = submitted("b1", "job-1", clock.instant());
        clock.advance(Duration.ofMinutes(4));
        assertThat(signals.due(batch)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(signals.due(batch)).isTrue();

        signals.stillRunning(batch);

        assertThat(signals.due(batch)).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(signals.due(batch)).isTrue();
    }

    @Test
    void shouldCheckABatchSubmittedLongAgoAtOnceAfterARestart() {
        assertThat(signals.due(submitted("old", "job-old", clock.instant().minus(Duration.ofHours(2))))).isTrue();
    }

    @Test
    void shouldKeepAnEventThatOvertookItsBatchAndForgetItOnceAccounted() {
        signals.jobFinished("job-early");
        Batch batch = submitted("b1", "job-early", clock.instant());
        assertThat(signals.due(batch)).isTrue();

        // AHI may still say IN_PROGRESS just after its own event: the batch stays due.
        signals.stillRunning(batch);
        assertThat(signals.due(batch)).isTrue();

        signals.accounted(batch);
        assertThat(signals.noted("job-early")).isFalse();
        assertThat(signals.due(batch)).isFalse();
    }

    @Test
    void shouldTolerateDuplicateEventsAndBoundWhatItRemembers() {
        signals.jobFinished("job-1");
        signals.jobFinished("job-1");
        for (int i = 0; i < JobSignals.MAX_NOTES; i++) {
            signals.jobFinished("other-" + i);
        }

        assertThat(signals.noted("job-1")).isFalse();
        assertThat(signals.noted("other-" + (JobSignals.MAX_NOTES - 1))).isTrue();
    }

    @Test
    void shouldRefuseANonPositiveFallback() {
        assertThatThrownBy(() -> new JobSignals(clock, Duration.ZERO))
                .hasMessageContaining("ahibridge.import.job-events.fallback-interval");
    }
}
