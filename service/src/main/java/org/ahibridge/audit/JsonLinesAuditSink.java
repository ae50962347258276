package org.ahibridge.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Appends audit records as JSON lines to {@code <audit-dir>/outcomes-YYYY-MM-DD.jsonl}, one file per UTC
 * day of the record's time (a long-running service rolls over by itself; per-run views are the run
 * reports). Each line is written whole or not at all ({@link JsonLinesFile}: one locked append at the end of
 * the file, cut back when it fails, a crash's fragment removed before the next line), so a restart or a second
 * process adds to the file and no line is ever torn or glued to another. A line that cannot be written (a full
 * disk) throws {@link AuditWriteException}, which stops the run with the file and the reason. Lines follow
 * {@link JsonLines}: no character in a key or reason can split a record.
 */
public final class JsonLinesAuditSink implements AuditSink, AutoCloseable {

    private final Path directory;
    private final JsonFactory json = JsonLines.factory();
    private LocalDate openDay;
    private JsonLinesFile open;

    public JsonLinesAuditSink(Path directory) {
        this.directory = directory;
    }

    /** The file records of {@code day} go to. */
    public Path fileFor(LocalDate day) {
        return directory.resolve("outcomes-" + day + ".jsonl");
    }

    @Override
    public synchronized void record(AuditRecord record) {
        LocalDate day = LocalDate.ofInstant(record.time(), ZoneOffset.UTC);
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            try (JsonGenerator out = json.createGenerator(line)) {
                AuditJson.write(out, record);
            }
            line.write('\n');
            file(day).append(line.toByteArray());
        } catch (IOException e) {
            throw new AuditWriteException("cannot write the audit log " + fileFor(day) + ": " + e.getMessage()
                    + ". The run stops: free space (or fix the folder) and run again; the ledger keeps every"
                    + " outcome and the next run writes the lines that are missing", e);
        }
    }

    private JsonLinesFile file(LocalDate day) throws IOException {
        if (!day.equals(openDay)) {
            close();
            Files.createDirectories(directory);
            open = new JsonLinesFile(fileFor(day));
            openDay = day;
        }
        return open;
    }

    @Override
    public synchronized void close() {
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                open = null;
                openDay = null;
            }
        }
    }
}
