package org.ahibridge.exporting;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ahibridge.ledger.Outcome;

/**
 * The result of one export run: every instance outcome, the counts, the image sets seen, the newest
 * {@code updatedAt} that is safe to resume from (null when nothing was selected) and the elapsed time.
 */
public record ExportReport(String runId, List<InstanceOutcome> outcomes, int imageSets, Instant watermark,
        Duration elapsed) {

    public ExportReport {
        outcomes = List.copyOf(outcomes);
    }

    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : List.of(Outcome.EXPORTED, Outcome.SKIPPED_EXISTS, Outcome.FAILED)) {
            counts.put(o, 0);
        }
        outcomes.forEach(o -> counts.merge(o.outcome(), 1, Integer::sum));
        return counts;
    }

    public long frames() {
        return outcomes.stream().filter(o -> o.outcome() == Outcome.EXPORTED).mapToLong(InstanceOutcome::frames).sum();
    }

    public long bytes() {
        return outcomes.stream().filter(o -> o.outcome() == Outcome.EXPORTED).mapToLong(InstanceOutcome::size).sum();
    }
}
