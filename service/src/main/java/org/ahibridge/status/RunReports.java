package org.ahibridge.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import org.ahibridge.audit.RunReportWriter;
import org.ahibridge.ledger.ImportRun;
import org.ahibridge.ledger.ImportRuns;

/**
 * A run's report as the status page links it, JSON or CSV. An ended run's report is the file the run wrote,
 * {@code <audit-dir>/runs/<run-id>.json} and {@code .csv}; a RUNNING run (or one whose file is gone) gets one
 * written from the ledger as it stands, into a temporary folder (never into {@code runs/}, where it would pass
 * for the final report), streamed and then deleted.
 */
public final class RunReports {

    /** The run ids a report file may be named after (the run report writer's own rule). */
    static final String RUN_ID = "[A-Za-z0-9._-]{1,128}";

    private final ImportRuns runs;
    private final Path reportDirectory;
    private final Function<Path, RunReportWriter> writerInto;

    /**
     * @param auditDirectory where the runs wrote their reports (under {@code runs/})
     * @param writerInto     a report writer whose audit folder is the given one
     */
    public RunReports(ImportRuns runs, Path auditDirectory, Function<Path, RunReportWriter> writerInto) {
        this.runs = runs;
        this.reportDirectory = auditDirectory.resolve("runs");
        this.writerInto = writerInto;
    }

    /** The report file's kind. */
    public enum Format {
        JSON(".json", "application/json"), CSV(".csv", "text/csv; charset=UTF-8");

        final String suffix;
        final String contentType;

        Format(String suffix, String contentType) {
            this.suffix = suffix;
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** A report to send: its bytes, opened; closing the stream removes a report made for the request. */
    public interface Report {
        InputStream open() throws IOException;
    }

    /** Empty when there is no such run (or the id could not name one). */
    public Optional<Report> find(String runId, Format format) {
        if (!runId.matches(RUN_ID)) {
            return Optional.empty();
        }
        Optional<ImportRun> run = runs.find(runId);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        Path stored = reportDirectory.resolve(runId + format.suffix);
        if (run.get().state() != ImportRun.RunState.RUNNING && Files.isRegularFile(stored)) {
            return Optional.of(() -> Files.newInputStream(stored));
        }
        return Optional.of(() -> fromLedger(runId, format));
    }

    private InputStream fromLedger(String runId, Format format) throws IOException {
        Path folder = Files.createTempDirectory("ahibridge-report-");
        try {
            writerInto.apply(folder).write(runs, runId);
            Path file = folder.resolve("runs").resolve(runId + format.suffix);
            return new java.io.FilterInputStream(Files.newInputStream(file)) {
                @Override
                public void close() throws IOException {
                    super.close();
                    delete(folder);
                }
            };
        } catch (IOException | RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    private static void delete(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind: the system's temp cleaning takes it
        }
    }
}
