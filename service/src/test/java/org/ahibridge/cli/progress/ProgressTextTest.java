package org.ahibridge.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.ahibridge.exporting.ExportProgress;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.RunProgress;
import org.ahibridge.ledger.WorkState;
import org.junit.jupiter.api.Test;

/** The words and figures of the progress line: rate over a window, time left, and the counts of each run kind. */
class ProgressTextTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void shouldEstimateTheRateOverTheLastWindowAndTheTimeLeftAtIt() {
        RateEstimate rate = new RateEstimate();
        rate.observe(T0, 0);
        assertThat(rate.perSecond()).isEmpty();
        // A slow first minute (listing), then 10 objects a second: the window forgets the slow part.
        rate.observe(T0.plusSeconds(60), 60);
        for (int s = 61; s <= 120; s++) {
            rate.observe(T0.plusSeconds(s), 60 + 10L * (s - 60));
        }

        assertThat(rate.perSecond().getAsDouble()).isBetween(9.9, 10.1);
        assertThat(rate.timeLeft(300)).contains(Duration.ofSeconds(30));
    }

    @Test
    void shouldHaveNoTimeLeftWhileNothingFinishes() {
        RateEstimate rate = new RateEstimate();
        rate.observe(T0, 5);
        rate.observe(T0.plusSeconds(5), 5);

        assertThat(rate.perSecond()).hasValue(0.0);
        assertThat(rate.timeLeft(10)).isEmpty();
    }

    @Test
    void shouldPutTheHeadlineFiguresFirstAndGroupLargeCounts() {
        ProgressSample sample = new ProgressSample("objects", 1234, 1800, List.of("2 jobs in flight", "IMPORTED 1,230"));

        String line = ProgressText.line(sample, Duration.ofSeconds(3671), OptionalDouble.of(42.4),
                Optional.of(Duration.ofSeconds(14)));

        assertThat(line).isEqualTo("1:01:11 elapsed, 1,234/1,800 objects done, 42/s, ~0:14 left | 2 jobs in flight"
                + " | IMPORTED 1,230");
        assertThat(ProgressText.rate(2.25)).isEqualTo("2.3");
    }

    @Test
    void shouldWordAnImportRunsProgress() {
        RunProgress run = new RunProgress("import-1", Map.of(WorkState.CLASSIFIED, 46, WorkState.DISCOVERED, 20),
                Map.of(Outcome.FAILED, 4, Outcome.IMPORTED, 1200), Map.of(BatchState.SUBMITTED, 2, BatchState.OPEN, 1));

        ProgressSample sample = ImportProgress.sample(run);

        assertThat(sample.done()).isEqualTo(1204);
        assertThat(sample.known()).isEqualTo(1270);
        assertThat(sample.details()).containsExactly("2 jobs in flight", "IMPORTED 1,200 FAILED 4",
                "at work: discovered 20 classified 46");
    }

    @Test
    void shouldWordAnExportRunsProgress() {
        ExportProgress run = new ExportProgress("export-1", 10, 3, 300, Map.of(Outcome.EXPORTED, 118L,
                Outcome.FAILED, 2L), 1500);

        ProgressSample sample = ExportProgressSource.sample(run);

        assertThat(sample.unit()).isEqualTo("instances");
        assertThat(sample.done()).isEqualTo(120);
        assertThat(sample.known()).isEqualTo(300);
        assertThat(sample.details()).containsExactly("image sets 3/10 read", "EXPORTED 118 SKIPPED_EXISTS 0 FAILED 2",
                "frames 1,500");
    }
}
