package org.ahibridge.metrics;

import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The business counters of the import and export pipelines as Micrometer meters (docs/operations.md lists each
 * with its labels). Counting is in memory, an adder per event: no ledger statement is added per object.
 *
 * <p>The pipeline classes that count are built outside Spring as often as inside it (tests, the one-shot
 * commands), so they count into {@link #process()}, which registers into Micrometer's global registry; Spring
 * Boot adds its Prometheus registry to that one ({@code management.metrics.use-global-registry}, on by default).
 * Labels are registration names, datastore names, outcomes and operations: a bounded set, no key, UID or
 * patient data.
 */
public final class PipelineMeters {

    private static final PipelineMeters PROCESS = new PipelineMeters(Metrics.globalRegistry);
    static final String UNKNOWN = "unknown";

    private final MeterRegistry registry;

    public PipelineMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public static PipelineMeters process() {
        return PROCESS;
    }

    /** A source object new to the ledger, taken by a listing pass. */
    public void discovered(String source, String datastore) {
        counter("ahibridge.import.objects.discovered", "Source objects new to the ledger, taken by a listing pass",
                "source", source, "datastore", datastore).increment();
    }

    /**
     * An object through classification, by verdict: COMPLIANT, NOT_P10, UNREADABLE, SKIPPED (excluded by a rule
     * before reading), CLASSIFIED (classified before, taken again), BUSY (another worker has it).
     */
    public void classified(String source, String datastore, String verdict) {
        counter("ahibridge.import.objects.classified", "Objects through the P10 classification, by verdict",
                "source", source, "datastore", datastore, "verdict", verdict).increment();
    }

    /** A file copied into its datastore's staging area, with its size. */
    public void staged(String source, String datastore, long bytes) {
        counter("ahibridge.import.objects.staged", "Files copied into the datastore's staging area", "source",
                source, "datastore", datastore).increment();
        Counter.builder("ahibridge.import.staged.bytes").description("Bytes copied into staging areas")
                .baseUnit("bytes").tags("source", label(source), "datastore", label(datastore)).register(registry)
                .increment(Math.max(0, bytes));
    }

    /** A terminal import outcome (IMPORTED, FAILED, ...) of one source object version. */
    public void importOutcome(String outcome, String source, String datastore) {
        counter("ahibridge.import.objects", "Terminal outcomes of source objects", "outcome", outcome, "source",
                source, "datastore", datastore).increment();
    }

    /** An instance outcome of an export (EXPORTED, SKIPPED_EXISTS, FAILED), with the frames it wrote. */
    public void exported(String outcome, String datastore, int frames) {
        counter("ahibridge.export.instances", "Instance outcomes of exports", "outcome", outcome, "datastore",
                datastore).increment();
        if (frames > 0) {
            counter("ahibridge.export.frames", "Frames written by exports", "datastore", datastore)
                    .increment(frames);
        }
    }

    /** An AHI call tried again by the retry policy after a transient failure (throttling, 5xx, no answer). */
    public void ahiRetry(String operation) {
        counter("ahibridge.ahi.retries", "AHI calls tried again after a transient failure", "operation", operation)
                .increment();
    }

    private Counter counter(String name, String description, String... tags) {
        for (int i = 1; i < tags.length; i += 2) {
            tags[i] = label(tags[i]);
        }
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private static String label(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }
}
