package org.ahibridge.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

import org.ahibridge.ledger.ImportRuns.RunFile;

/**
 * The CSV form of a run report (RFC 4180 quoting). A cell that starts with {@code = + - @}, a tab or a
 * carriage return gets a leading apostrophe, so a spreadsheet never evaluates an object key as a formula.
 */
final class RunReportCsv {

    static final List<String> HEADER = List.of("run_id", "storage", "key", "version", "size", "outcome", "reason",
            "batch_id", "staging_key", "job_id", "image_set_id", "image_set_version", "is_primary",
            "sop_instance_uid", "study_instance_uid", "series_instance_uid", "transfer_syntax_uid", "attempts");

    private RunReportCsv() {
    }

    static void write(Writer out, String runId, Consumer<Consumer<RunFile>> files) throws IOException {
        line(out, HEADER);
        try {
            files.accept(file -> {
                try {
                    row(out, runId, file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void row(Writer out, String runId, RunFile file) throws IOException {
        AuditRecord r = AuditRecord.of(null, runId, file.object(), file.outcome(), file.reason());
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add(runId);
        cells.add(r.storage());
        cells.add(r.key());
        cells.add(r.version());
        cells.add(String.valueOf(r.size()));
        cells.add(r.outcome().name());
        cells.add(r.reason());
        cells.add(r.batchId());
        cells.add(r.stagingKey());
        cells.add(r.jobId());
        cells.add(r.imageSetId());
        cells.add(r.imageSetVersion() == null ? null : r.imageSetVersion().toString());
        cells.add(r.isPrimary() == null ? null : r.isPrimary().toString());
        cells.add(r.sopInstanceUid());
        cells.add(r.studyInstanceUid());
        cells.add(r.seriesInstanceUid());
        cells.add(r.transferSyntaxUid());
        cells.add(String.valueOf(r.attempts()));
        line(out, cells);
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
