package org.ahibridge.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;

import org.ahibridge.ledger.ImportRun;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.ledger.ImportRuns.RunFile;
import org.ahibridge.ledger.NonPrimaryImageSet;
import org.ahibridge.ledger.NonPrimaryImageSets;
import org.ahibridge.ledger.SourceTags;
import org.ahibridge.ledger.Outcome;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a run's report to {@code <audit-dir>/runs/<run-id>.json} and {@code .csv}: the count per
 * outcome and one row per file (the same fields as an audit line). Both are written to a temporary file
 * and moved into place, so a reader never sees half a report.
 */
public final class RunReportWriter {

    private final Path directory;
    private final Clock clock;
    private final JsonFactory json = JsonLines.factory();
    private final NonPrimaryImageSets nonPrimary;
    private final SourceTags sourceTags;

    public RunReportWriter(Path auditDirectory, Clock clock) {
        this(auditDirectory, clock, null, null);
    }

    /**
     * @param nonPrimary the reconciliation list, for the report's {@code nonPrimaryImageSets} (null: none)
     * @param sourceTags the object tagging results, for the report's {@code sourceTags} counts (null: none)
     */
    public RunReportWriter(Path auditDirectory, Clock clock, NonPrimaryImageSets nonPrimary, SourceTags sourceTags) {
        this.directory = auditDirectory.resolve("runs");
        this.clock = clock;
        this.nonPrimary = nonPrimary;
        this.sourceTags = sourceTags;
    }

    /** Writes both files of a run's report, streaming its files from the ledger; returns the JSON one. */
    public Path write(ImportRuns runs, String runId) throws IOException {
        ImportRun run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        return write(run, runs.outcomeCounts(runId), action -> runs.forEachFile(runId, action),
                nonPrimary == null ? List.of() : nonPrimary.ofRun(runId),
                sourceTags == null ? Map.of() : sourceTags.counts(runId));
    }

    /** Writes both files and returns the JSON one; {@code files} hands every file of the run to its argument. */
    public Path write(ImportRun run, Map<Outcome, Integer> counts, Consumer<Consumer<RunFile>> files) throws IOException {
        return write(run, counts, files, List.of(), Map.of());
    }

    private Path write(ImportRun run, Map<Outcome, Integer> counts, Consumer<Consumer<RunFile>> files,
            List<NonPrimaryImageSet> nonPrimarySets, Map<String, Integer> tagCounts) throws IOException {
        if (!run.id().matches("[A-Za-z0-9._-]{1,128}")) {
            throw new IllegalArgumentException("run id '" + run.id() + "' cannot name a report file");
        }
        Files.createDirectories(directory);
        // The CSV first: the JSON is the report's sign that it is complete (what a reader waits for), so both
        // files are there once it appears.
        Path csvFile = directory.resolve(run.id() + ".csv");
        Path temporary = Files.createTempFile(directory, ".~report", ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            RunReportCsv.write(out, run.id(), files);
        }
        Files.move(temporary, csvFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path jsonFile = directory.resolve(run.id() + ".json");
        temporary = Files.createTempFile(directory, ".~report", ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary);
                JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            writeJson(generator, run, counts, files);
            writeFollowUps(generator, nonPrimarySets, tagCounts);
            generator.writeEndObject();
        }
        Files.move(temporary, jsonFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return jsonFile;
    }

    private void writeJson(JsonGenerator out, ImportRun run, Map<Outcome, Integer> counts,
            Consumer<Consumer<RunFile>> files) throws IOException {
        out.writeStartObject();
        out.writeStringField("runId", run.id());
        out.writeStringField("source", run.sourceStorage() + (run.sourcePrefix().isEmpty() ? "" : " " + run.sourcePrefix()));
        out.writeStringField("datastore", run.datastore());
        out.writeStringField("state", run.state().name());
        out.writeStringField("startedAt", String.valueOf(run.startedAt()));
        out.writeStringField("endedAt", run.endedAt() == null ? null : run.endedAt().toString());
        out.writeStringField("reportedAt", clock.instant().toString());
        out.writeNumberField("files", counts.values().stream().mapToInt(Integer::intValue).sum());
        out.writeObjectFieldStart("outcomes");
        for (Outcome outcome : Outcome.values()) {
            if (counts.getOrDefault(outcome, 0) > 0) {
                out.writeNumberField(outcome.name(), counts.get(outcome));
            }
        }
        out.writeEndObject();
        out.writeArrayFieldStart("fileOutcomes");
        files.accept(file -> {
            try {
                AuditJson.write(out, AuditRecord.of(null, run.id(), file.object(), file.outcome(), file.reason()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.writeEndArray();
    }

    // After the files, so the fields a reader needs first (state, outcomes) stay at the top.
    private static void writeFollowUps(JsonGenerator out, List<NonPrimaryImageSet> sets, Map<String, Integer> tagCounts)
            throws IOException {
        out.writeArrayFieldStart("nonPrimaryImageSets");
        for (NonPrimaryImageSet set : sets) {
            out.writeStartObject();
            out.writeStringField("datastore", set.datastore());
            out.writeStringField("imageSetId", set.imageSetId());
            out.writeStringField("primaryImageSetId", set.primaryImageSetId());
            out.writeStringField("seriesInstanceUID", set.seriesInstanceUid());
            out.writeStringField("jobId", set.jobId());
            out.writeNumberField("files", set.fileCount());
            out.writeStringField("tagging", set.tagState().name());
            out.writeStringField("taggingReason", set.tagReason());
            out.writeEndObject();
        }
        out.writeEndArray();
        if (!tagCounts.isEmpty()) {
            out.writeObjectFieldStart("sourceTags");
            for (Map.Entry<String, Integer> count : tagCounts.entrySet()) {
                out.writeNumberField(count.getKey(), count.getValue());
            }
            out.writeEndObject();
        }
    }
}
