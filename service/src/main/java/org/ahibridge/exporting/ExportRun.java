package org.ahibridge.exporting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.ahibridge.ahi.ImageSetSummary;
import org.ahibridge.audit.AuditRecord;
import org.ahibridge.ledger.Outcome;

/**
 * One export run as it goes through the flow (the exchange property {@code AhiExportRun} of
 * routes/export-run.camel.yaml): what was asked, where from and where to, the keys claimed so far, the
 * image sets selected and every instance outcome. Safe to use from the split's threads.
 */
public final class ExportRun {

    private final String runId;
    private final ExportRequest request;
    private final AhiReader ahi;
    private final ExportTarget target;
    private final Instant start;
    private final String destinationId;
    private final KeyClaims claims = new KeyClaims();
    private final List<InstanceOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ImageSetSummary> imageSets = new ConcurrentHashMap<>();
    // The progress counters: read by the export command's progress line while the split's threads count.
    private final AtomicInteger imageSetsRead = new AtomicInteger();
    private final AtomicLong instancesListed = new AtomicLong();
    private final Map<Outcome, LongAdder> outcomeCounts = new ConcurrentHashMap<>();
    private final LongAdder framesWritten = new LongAdder();

    ExportRun(String runId, ExportRequest request, AhiReader ahi, ExportTarget target, Instant start,
            String destinationId) {
        this.runId = runId;
        this.request = request;
        this.ahi = ahi;
        this.target = target;
        this.start = start;
        this.destinationId = destinationId;
    }

    /** The destination as the watermark table knows it: location URI and prefix. */
    String destinationId() {
        return destinationId;
    }

    public String runId() {
        return runId;
    }

    public ExportRequest request() {
        return request;
    }

    AhiReader ahi() {
        return ahi;
    }

    ExportTarget target() {
        return target;
    }

    KeyClaims claims() {
        return claims;
    }

    void selected(ImageSetSummary summary) {
        imageSets.put(summary.imageSetId(), summary);
    }

    /** Counts the instances (or the one failure) that an image set's metadata gave the run. */
    void listed(int instances) {
        imageSetsRead.incrementAndGet();
        instancesListed.addAndGet(instances);
    }

    /** Where the run stands, from its counters. */
    public ExportProgress progress() {
        Map<Outcome, Long> counts = new java.util.EnumMap<>(Outcome.class);
        outcomeCounts.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        return new ExportProgress(runId, imageSets.size(), imageSetsRead.get(), instancesListed.get(), counts,
                framesWritten.sum());
    }

    /** Records an outcome; returns its audit record (ids, UIDs and the reason only). */
    AuditRecord record(InstanceOutcome o, Instant time) {
        outcomes.add(o);
        outcomeCounts.computeIfAbsent(o.outcome(), k -> new LongAdder()).increment();
        if (o.outcome() == Outcome.EXPORTED) {
            framesWritten.add(o.frames());
        }
        return new AuditRecord(time, runId, target.name(), o.key(), o.version(), o.size(), target.datastore(),
                o.outcome(), o.reason(), null, null, null, o.imageSetId(), o.imageSetVersion(), o.isPrimary(),
                o.sopInstanceUid(), o.studyInstanceUid(), o.seriesInstanceUid(), o.transferSyntaxUid(), 1);
    }

    /**
     * The report as it stands: every outcome, and the watermark to resume from, the newest {@code updatedAt}
     * seen, or the oldest one of an image set with a failed instance so that it is searched again next time.
     */
    ExportReport report(Instant now) {
        List<InstanceOutcome> all;
        synchronized (outcomes) {
            all = List.copyOf(outcomes);
        }
        Instant newest = null;
        Instant oldestFailure = null;
        for (ImageSetSummary summary : imageSets.values()) {
            Instant updated = summary.updatedAt();
            if (updated == null) {
                continue;
            }
            newest = newest == null || updated.isAfter(newest) ? updated : newest;
            boolean failed = all.stream().anyMatch(o -> o.outcome() == Outcome.FAILED
                    && summary.imageSetId().equals(o.imageSetId()));
            if (failed && (oldestFailure == null || updated.isBefore(oldestFailure))) {
                oldestFailure = updated;
            }
        }
        return new ExportReport(runId, all, imageSets.size(), oldestFailure != null ? oldestFailure : newest,
                Duration.between(start, now));
    }

    @Override
    public String toString() {
        return "ExportRun[" + runId + "]";
    }
}
