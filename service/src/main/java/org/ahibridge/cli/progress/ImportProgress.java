package org.ahibridge.cli.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.ledger.RunProgress;

/**
 * The progress of an {@code import --once} or {@code redrive} run, from one aggregate ledger query per refresh
 * ({@link ImportRuns#progress}): objects done of those seen so far, the outcomes, the objects still at work by
 * state and the import jobs in flight. Follows the run whose id it is handed ({@link #started()}).
 */
public final class ImportProgress implements ProgressSource {

    private final ImportRuns runs;
    private final AtomicReference<String> runId = new AtomicReference<>();

    public ImportProgress(ImportRuns runs) {
        this.runs = runs;
    }

    /** What the run calls with its id once it has one. */
    public Consumer<String> started() {
        return runId::set;
    }

    @Override
    public Optional<ProgressSample> sample() {
        String id = runId.get();
        return id == null ? Optional.empty() : runs.progress(id).map(ImportProgress::sample);
    }

    static ProgressSample sample(RunProgress progress) {
        List<String> details = new ArrayList<>();
        details.add(progress.jobsInFlight() + (progress.jobsInFlight() == 1 ? " job" : " jobs") + " in flight");
        if (!progress.outcomes().isEmpty()) {
            details.add(counts(progress.outcomes()));
        }
        if (progress.pending() > 0) {
            details.add("at work: " + counts(progress.inWork()).toLowerCase(java.util.Locale.ROOT));
        }
        return new ProgressSample("objects", progress.done(), progress.seen(), details);
    }

    /** {@code IMPORTED 1,200 FAILED 4}: each name with its count, in the enum's order (work states as an object passes them). */
    static String counts(Map<? extends Enum<?>, Integer> counts) {
        List<String> words = new ArrayList<>();
        counts.forEach((name, count) -> words.add(name.name() + " " + ProgressText.count(count)));
        return String.join(" ", words);
    }
}
