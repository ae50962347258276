package org.ahibridge.exporting;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ends an export run: the report under {@code <audit-dir>/runs/}, the watermark of an incremental run, and the
 * one-line summary (as a map for the routes). Also gives each run its destination writer, which spools into
 * the configured folder.
 */
final class ExportFinisher {

    private static final Logger LOG = LoggerFactory.getLogger(ExportFinisher.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ExportWatermarks watermarks;
    private final Path auditDirectory;
    private final Path spool;
    private final Clock clock;

    ExportFinisher(ExportWatermarks watermarks, Path auditDirectory, Path spool, Clock clock) {
        this.watermarks = watermarks;
        this.auditDirectory = auditDirectory;
        this.spool = spool;
        this.clock = clock;
    }

    DestinationWriter writerFor(ExportRun run) {
        return new DestinationWriter(run.target().store(), run.target().policy(), spool);
    }

    Map<String, Object> finish(ExportRun run) throws IOException {
        ExportReport report = run.report(clock.instant());
        ExportRequest request = run.request();
        if (request.incremental() && report.watermark() != null) {
            watermarks.save(request.datastore(), run.destinationId(), report.watermark());
        }
        ExportReportWriter.write(auditDirectory, report, request.datastore(), run.destinationId());
        String summary = ExportReportWriter.summary(report, request.datastore(), request.destination());
        LOG.info("export {} finished: {} image sets, {}", run.runId(), report.imageSets(), report.counts());
        return MAPPER.readValue(summary, new TypeReference<Map<String, Object>>() { });
    }
}
