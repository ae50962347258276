package org.ahibridge.exporting;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.ahibridge.audit.JsonLines;

/**
 * Writes an export run's report to {@code <audit-dir>/runs/<run-id>.json} (beside the import run
 * reports): the summary of {@link #summary} plus one entry per instance with the audit fields.
 */
public final class ExportReportWriter {

    private static final JsonFactory JSON = JsonLines.factory();

    private ExportReportWriter() {
    }

    public static Path write(Path auditDir, ExportReport report, String datastore, String destination)
            throws IOException {
        Path dir = Files.createDirectories(auditDir.resolve("runs"));
        Path temporary = Files.createTempFile(dir, ".~report", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary);
                JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            fields(g, report, datastore, destination);
            g.writeArrayFieldStart("instanceOutcomes");
            for (InstanceOutcome o : report.outcomes()) {
                g.writeStartObject();
                g.writeStringField("outcome", o.outcome().name());
                g.writeStringField("key", o.key());
                g.writeStringField("reason", o.reason());
                g.writeStringField("imageSetId", o.imageSetId());
                g.writeStringField("sopInstanceUID", o.sopInstanceUid());
                g.writeStringField("seriesInstanceUID", o.seriesInstanceUid());
                g.writeStringField("studyInstanceUID", o.studyInstanceUid());
                g.writeStringField("transferSyntaxUID", o.transferSyntaxUid());
                g.writeNumberField("size", o.size());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        Path file = dir.resolve(report.runId() + ".json");
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** The one-line JSON summary the command prints last. */
    public static String summary(ExportReport report, String datastore, String destination) throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            fields(g, report, datastore, destination);
            g.writeEndObject();
        }
        return text.toString();
    }

    private static void fields(JsonGenerator g, ExportReport report, String datastore, String destination)
            throws IOException {
        g.writeStringField("runId", report.runId());
        g.writeStringField("datastore", datastore);
        g.writeStringField("destination", destination);
        g.writeNumberField("imageSets", report.imageSets());
        g.writeNumberField("instances", report.outcomes().size());
        g.writeNumberField("frames", report.frames());
        g.writeNumberField("bytes", report.bytes());
        g.writeNumberField("seconds", report.elapsed().toMillis() / 1000.0);
        g.writeStringField("watermark", report.watermark() == null ? null : report.watermark().toString());
        g.writeObjectFieldStart("outcomes");
        for (var entry : report.counts().entrySet()) {
            g.writeNumberField(entry.getKey().name(), entry.getValue());
        }
        g.writeEndObject();
    }
}
