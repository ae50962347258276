package org.ahibridge.exporting;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.ahibridge.audit.JsonLinesAuditSink;

/**
 * Runs the export flow's steps in a test without Spring or Camel, in the order routes/export-run.camel.yaml and
 * routes/export-image-set.camel.yaml call them (one instance at a time), for tests about a destination or a
 * fault rather than about the flow: a given target and reader, outcomes audited to {@code auditDir}. The route
 * tests and the command tests run the flow itself.
 */
final class FlowHarness {

    private FlowHarness() {
    }

    static ExportReport run(AhiReader ahi, ExportTarget target, ExportRequest request, Path auditDir) {
        return run(ahi, target, request, auditDir, 8);
    }

    /** As above, with at most {@code window} frames of an instance fetched at once (1: one after the other). */
    static ExportReport run(AhiReader ahi, ExportTarget target, ExportRequest request, Path auditDir, int window) {
        Clock clock = Clock.systemUTC();
        ExecutorService frames = Executors.newFixedThreadPool(16);
        try (JsonLinesAuditSink audit = new JsonLinesAuditSink(auditDir)) {
            FrameBudget budget = new FrameBudget(900, () -> 1_000_000L, ExportSettings.DEFAULT);
            ExportFlow flow = new ExportFlow(null, new FrameWindow.Fetching(frames, budget, window),
                    new ExportFinisher(null, auditDir, ExportSettings.DEFAULT.spool(), clock), clock);
            ExportRun run = new ExportRun("export-test-" + auditDir.getFileName(), request, ahi, target,
                    clock.instant(), "test");
            for (ImageSetWork imageSet : flow.search(run)) {
                for (InstanceWork instance : flow.instances(imageSet, run)) {
                    audit.record(flow.export(instance, run));
                }
            }
            return run.report(clock.instant());
        } finally {
            frames.shutdownNow();
        }
    }

    /** A request for every image set with this template and policy, written as stored. */
    static ExportRequest all(PathTemplate template, OverwritePolicy policy) {
        return new ExportRequest("test", "dest", ExportSelection.all(), template, policy, false, OutputSyntax.STORED);
    }
}
