package org.ahibridge.exporting;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.audit.AuditSink;
import org.ahibridge.dicom.json.AhiMetadataInstance;
import org.ahibridge.dicom.json.AhiMetadataReader;
import org.ahibridge.ledger.Outcome;

/**
 * One bulk export (docs/design.md §1 Export): selects image sets ({@link ExportSelection}, SearchImageSets
 * with pagination, or explicit ids through GetImageSet), reads each one's metadata, and exports its
 * instances in parallel ({@link InstanceExport}), giving every instance exactly one outcome, audited
 * as it happens. An image set that cannot be read at all gets one FAILED outcome without UIDs.
 * Access modes are checked by the caller before this runs ({@link ExportJob}).
 */
public final class Exporter {

    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);

    private final AhiReader ahi;
    private final ExportTarget target;
    private final ExportSettings settings;
    private final AuditSink audit;
    private final Clock clock;

    public Exporter(AhiReader ahi, ExportTarget target, ExportSettings settings, AuditSink audit, Clock clock) {
        this.ahi = ahi;
        this.target = target;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public ExportReport run(ExportSelection selection, String runId) {
        Instant start = clock.instant();
        List<InstanceOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Map<String, ImageSetSummary> imageSets = select(selection, runId, outcomes);
        Path spool = settings.spoolDirectory() != null ? settings.spoolDirectory()
                : Path.of(System.getProperty("java.io.tmpdir"), "ahi-bridge-export");
        DestinationWriter writer = new DestinationWriter(target.store(), target.policy(), spool);
        ExecutorService instances = Executors.newFixedThreadPool(settings.instanceConcurrency(), named("export-instance"));
        ExecutorService frames = Executors.newFixedThreadPool(settings.frameThreads(), named("export-frames"));
        Semaphore slots = new Semaphore(settings.instanceConcurrency() * 2);
        Map<ImageSetSummary, List<InstanceOutcome>> bySet = new LinkedHashMap<>();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        try {
            for (ImageSetSummary summary : imageSets.values()) {
                List<InstanceOutcome> ofSet = Collections.synchronizedList(new ArrayList<>());
                bySet.put(summary, ofSet);
                submitImageSet(summary, runId, writer, instances, frames, slots, ofSet, running);
            }
            awaitAll(running);
        } finally {
            instances.shutdownNow();
            frames.shutdownNow();
        }
        Instant oldestFailure = null;
        Instant newest = null;
        for (Map.Entry<ImageSetSummary, List<InstanceOutcome>> entry : bySet.entrySet()) {
            outcomes.addAll(entry.getValue());
            Instant updated = entry.getKey().updatedAt();
            if (updated != null) {
                newest = newest == null || updated.isAfter(newest) ? updated : newest;
                if (entry.getValue().stream().anyMatch(o -> o.outcome() == Outcome.FAILED)
                        && (oldestFailure == null || updated.isBefore(oldestFailure))) {
                    oldestFailure = updated;
                }
            }
        }
        // Resume from the oldest image set with a failure, so the next incremental run retries it.
        Instant watermark = oldestFailure != null ? oldestFailure : newest;
        return new ExportReport(runId, outcomes, imageSets.size(), watermark, Duration.between(start, clock.instant()));
    }

    private Map<String, ImageSetSummary> select(ExportSelection selection, String runId, List<InstanceOutcome> out) {
        Map<String, ImageSetSummary> result = new LinkedHashMap<>();
        if (!selection.imageSetIds().isEmpty()) {
            for (String id : selection.imageSetIds()) {
                try {
                    result.put(id, ahi.imageSet(id));
                } catch (RuntimeException e) {
                    record(runId, failure(id, null, null, "GetImageSet: " + e.getMessage()), out);
                }
            }
            return result;
        }
        ExportSelection.Plan plan = selection.plan();
        String token = null;
        do {
            AhiReader.SearchPage page = ahi.search(plan.serverFilters(), token);
            page.imageSets().stream().filter(plan.clientFilter()).forEach(s -> result.putIfAbsent(s.imageSetId(), s));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return result;
    }

    private void submitImageSet(ImageSetSummary summary, String runId, DestinationWriter writer,
            ExecutorService instances, ExecutorService frames, Semaphore slots, List<InstanceOutcome> result,
            List<java.util.concurrent.Future<?>> running) {
        List<AhiMetadataInstance> list;
        try {
            list = AhiMetadataReader.instances(ahi.metadata(summary.imageSetId(), summary.version()));
        } catch (RuntimeException e) {
            record(runId, failure(summary.imageSetId(), summary.version(), summary.isPrimary(),
                    "GetImageSetMetadata: " + e.getMessage()), result);
            return;
        }
        for (AhiMetadataInstance instance : list) {
            // Bounds the instances waiting in the queue, and with them the metadata they hold.
            slots.acquireUninterruptibly();
            InstanceExport task = new InstanceExport(ahi, target, writer, frames, settings.frameWindow(), summary,
                    instance);
            running.add(instances.submit(() -> {
                try {
                    record(runId, task.call(), result);
                } finally {
                    slots.release();
                }
            }));
        }
    }

    private static void awaitAll(List<java.util.concurrent.Future<?>> running) {
        for (java.util.concurrent.Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while exporting", e);
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("an instance task ended abnormally: {}", e.getCause().toString());
            }
        }
    }

    private void record(String runId, InstanceOutcome o, List<InstanceOutcome> into) {
        into.add(o);
        audit.record(new AuditRecord(clock.instant(), runId, target.name(), o.key(), o.version(), o.size(),
                target.datastore(), o.outcome(), o.reason(), null, null, null, o.imageSetId(), o.imageSetVersion(),
                o.isPrimary(), o.sopInstanceUid(), o.studyInstanceUid(), o.seriesInstanceUid(), o.transferSyntaxUid(),
                1));
    }

    private static InstanceOutcome failure(String imageSetId, Integer version, Boolean primary, String reason) {
        return new InstanceOutcome(Outcome.FAILED, null, reason, imageSetId, version, primary, null, null, null, null,
                0, null, 0);
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
