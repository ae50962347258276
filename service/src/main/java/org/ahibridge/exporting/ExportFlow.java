package org.ahibridge.exporting;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ahibridge.ahi.ImageSetPage;
import org.ahibridge.ahi.ImageSetSummary;
import org.ahibridge.audit.AuditRecord;
import org.ahibridge.dicom.json.AhiMetadataInstance;
import org.ahibridge.dicom.json.AhiMetadataReader;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.metrics.PipelineMeters;

/**
 * The steps of the export flow, called by routes/export-run.camel.yaml and routes/export-image-set.camel.yaml
 * ({@code exportFlow} in YAML; docs/export-pipeline.md): {@link #start} opens a run, {@link #search} lists
 * its image sets, {@link #instances} reads one image set's metadata into instances with their keys claimed,
 * {@link #export} rebuilds and writes one instance into its audit record, {@link #finish} ends the run with
 * its summary. Every instance, and every image set that could not be read, gets exactly one outcome, which
 * goes through {@link #export}; nothing here throws for one instance. Camel-free.
 */
public final class ExportFlow {

    private static final Logger LOG = LoggerFactory.getLogger(ExportFlow.class);

    private final ExportStarter starter;
    private final FrameWindow.Fetching fetching;
    private final ExportFinisher finisher;
    private final Clock clock;
    /** Runs between {@link #start} and {@link #finish}, in start order. */
    private final Map<String, ExportRun> running = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    ExportFlow(ExportStarter starter, FrameWindow.Fetching fetching, ExportFinisher finisher, Clock clock) {
        this.starter = starter;
        this.fetching = fetching;
        this.finisher = finisher;
        this.clock = clock;
    }

    /** Checks a request before a run: see {@link ExportStarter#check}. */
    public void check(ExportRequest request) {
        starter.check(request);
    }

    public ExportRun start(ExportRequest request) {
        ExportRun run = starter.start(request);
        running.put(run.runId(), run);
        LOG.info("export {} started: datastore '{}' to {}", run.runId(), request.datastore(), run.target().name());
        return run;
    }

    /**
     * The image sets of the run: GetImageSet for explicit ids (one that cannot be read becomes a decided
     * FAILED outcome), else every page of SearchImageSets filtered again on the summaries. A search that fails
     * throws: the run cannot complete.
     */
    public List<ImageSetWork> search(ExportRun run) {
        try {
            return searchImageSets(run);
        } catch (RuntimeException e) {
            running.remove(run.runId()); // the run ends here
            throw e;
        }
    }

    /** The runs started and not yet finished, for progress displays: their counters, oldest first. */
    public List<ExportProgress> inFlight() {
        List<ExportRun> runs;
        synchronized (running) {
            runs = List.copyOf(running.values());
        }
        return runs.stream().map(ExportRun::progress).toList();
    }

    private List<ImageSetWork> searchImageSets(ExportRun run) {
        List<ImageSetWork> result = new ArrayList<>();
        ExportSelection selection = run.request().selection();
        if (!selection.imageSetIds().isEmpty()) {
            for (String id : selection.imageSetIds()) {
                try {
                    ImageSetSummary summary = run.ahi().imageSet(id);
                    run.selected(summary);
                    result.add(new ImageSetWork(summary, null));
                } catch (RuntimeException e) {
                    result.add(new ImageSetWork(new ImageSetSummary(id, 0, null, null, null, null, null, null, null,
                            null, null), "GetImageSet: " + e.getMessage()));
                }
            }
            return result;
        }
        ExportSelection.Plan plan = selection.plan();
        Map<String, ImageSetSummary> found = new LinkedHashMap<>();
        String token = null;
        do {
            ImageSetPage page = run.ahi().search(plan.serverFilters(), token);
            page.imageSets().stream().filter(plan.clientFilter()).forEach(s -> found.putIfAbsent(s.imageSetId(), s));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        for (ImageSetSummary summary : found.values()) {
            run.selected(summary);
            result.add(new ImageSetWork(summary, null));
        }
        return result;
    }

    /**
     * The instances of one image set, each with its key claimed for the run, in document order, so that of
     * two instances with one key the first keeps it and the second is FAILED before anything is written.
     * Metadata that cannot be read, or that lists no instance, is one FAILED outcome for the image set.
     */
    public List<InstanceWork> instances(ImageSetWork imageSet, ExportRun run) {
        List<InstanceWork> work = instancesOf(imageSet, run);
        run.listed(work.size());
        return work;
    }

    private List<InstanceWork> instancesOf(ImageSetWork imageSet, ExportRun run) {
        ImageSetSummary summary = imageSet.summary();
        if (imageSet.failure() != null) {
            return List.of(InstanceWork.decided(summary, imageSetFailure(summary, imageSet.failure())));
        }
        List<AhiMetadataInstance> instances;
        try {
            instances = AhiMetadataReader.instances(run.ahi().metadata(summary.imageSetId(), summary.version()));
        } catch (RuntimeException e) {
            return List.of(InstanceWork.decided(summary, imageSetFailure(summary, "GetImageSetMetadata: "
                    + e.getMessage())));
        }
        if (instances.isEmpty()) {
            return List.of(InstanceWork.decided(summary, imageSetFailure(summary,
                    "the image set's metadata lists no instance that could be read")));
        }
        List<InstanceWork> work = new ArrayList<>(instances.size());
        ExportTarget target = run.target();
        for (AhiMetadataInstance instance : instances) {
            String key;
            try {
                key = target.prefix() + target.template().keyFor(instance.dataset(), summary.imageSetId(),
                        target.datastoreId());
            } catch (RuntimeException e) {
                work.add(InstanceWork.decided(summary, InstanceExport.outcome(summary, instance, Outcome.FAILED, null,
                        "path: " + e.getMessage(), 0, null, instance.storedTransferSyntaxUid())));
                continue;
            }
            String collision = run.claims().claim(key, summary.imageSetId(), instance.sopInstanceUid());
            work.add(collision == null ? InstanceWork.of(summary, instance, key)
                    : InstanceWork.decided(summary, InstanceExport.outcome(summary, instance, Outcome.FAILED, key,
                            collision, 0, null, instance.storedTransferSyntaxUid())));
        }
        return work;
    }

    /** Exports one instance (or passes a decided outcome through) and records it: the audit record of it. */
    public AuditRecord export(InstanceWork work, ExportRun run) {
        InstanceOutcome outcome = work.decided() != null ? work.decided()
                : new InstanceExport(run, fetching, finisher.writerFor(run)).export(work.imageSet(), work.instance(),
                        work.key());
        PipelineMeters.process().exported(outcome.outcome().name(), run.target().datastore(),
                outcome.outcome() == Outcome.EXPORTED ? outcome.frames() : 0);
        return run.record(outcome, clock.instant());
    }

    /** True for a FAILED outcome: the export-image-set route sends it on to the dead-letter endpoint. */
    public boolean failed(AuditRecord record) {
        return record.outcome() == Outcome.FAILED;
    }

    /** Ends the run: its report file, the watermark of an incremental run, and the summary map. */
    public Map<String, Object> finish(ExportRun run) throws IOException {
        try {
            return finisher.finish(run);
        } finally {
            running.remove(run.runId());
        }
    }

    private static InstanceOutcome imageSetFailure(ImageSetSummary summary, String reason) {
        return new InstanceOutcome(Outcome.FAILED, null, reason, summary.imageSetId(),
                summary.version() == 0 ? null : summary.version(), summary.isPrimary(), null, null, null, null, 0,
                null, 0);
    }
}
