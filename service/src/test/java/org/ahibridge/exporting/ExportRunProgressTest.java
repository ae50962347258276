package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.ahibridge.ahi.ImageSetSummary;
import org.ahibridge.ledger.Outcome;
import org.junit.jupiter.api.Test;

/** The counters an export run keeps for the command's progress line, as the flow's steps feed them. */
class ExportRunProgressTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void shouldCountImageSetsInstancesOutcomesAndTheFramesOfExportedInstancesOnly() {
        ExportRun run = new ExportRun("export-1", null, null, new ExportTarget(null, "out", "", null, null, "local",
                "ds"), NOW, "file:out");
        run.selected(summary("a"));
        run.selected(summary("b"));
        run.listed(3);

        run.record(outcome(Outcome.EXPORTED, 4), NOW);
        run.record(outcome(Outcome.EXPORTED, 2), NOW);
        run.record(outcome(Outcome.FAILED, 7), NOW);

        ExportProgress progress = run.progress();
        assertThat(progress.imageSets()).isEqualTo(2);
        assertThat(progress.imageSetsRead()).isEqualTo(1);
        assertThat(progress.instances()).isEqualTo(3);
        assertThat(progress.outcomes()).isEqualTo(Map.of(Outcome.EXPORTED, 2L, Outcome.FAILED, 1L));
        assertThat(progress.done()).isEqualTo(3);
        assertThat(progress.frames()).isEqualTo(6);
    }

    private static ImageSetSummary summary(String id) {
        return new ImageSetSummary(id, 1, null, null, null, null, null, null, null, null, null);
    }

    private static InstanceOutcome outcome(Outcome outcome, int frames) {
        return new InstanceOutcome(outcome, "k", null, "a", 1, true, null, null, null, null, 10, null, frames);
    }
}
