package org.ahibridge.cli.progress;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.ahibridge.exporting.ExportProgress;
import org.ahibridge.ledger.Outcome;

/**
 * The progress of an {@code export --once} run, from the run's own counters (no query): instances done of those
 * listed so far, image sets read of those selected, the outcomes and the frames written.
 */
public final class ExportProgressSource implements ProgressSource {

    private final Supplier<List<ExportProgress>> inFlight;

    /** @param inFlight the export runs going on (the command's is the only one) */
    public ExportProgressSource(Supplier<List<ExportProgress>> inFlight) {
        this.inFlight = inFlight;
    }

    @Override
    public Optional<ProgressSample> sample() {
        List<ExportProgress> runs = inFlight.get();
        return runs.isEmpty() ? Optional.empty() : Optional.of(sample(runs.get(runs.size() - 1)));
    }

    static ProgressSample sample(ExportProgress run) {
        StringBuilder outcomes = new StringBuilder();
        for (Outcome outcome : List.of(Outcome.EXPORTED, Outcome.SKIPPED_EXISTS, Outcome.FAILED)) {
            long count = run.outcomes().getOrDefault(outcome, 0L);
            outcomes.append(outcomes.length() == 0 ? "" : " ").append(outcome.name()).append(' ')
                    .append(ProgressText.count(count));
        }
        return new ProgressSample("instances", run.done(), run.instances(), List.of(
                "image sets " + ProgressText.count(run.imageSetsRead()) + "/" + ProgressText.count(run.imageSets())
                        + " read",
                outcomes.toString(),
                "frames " + ProgressText.count(run.frames())));
    }
}
