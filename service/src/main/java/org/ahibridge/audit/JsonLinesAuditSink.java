package org.ahibridge.audit;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * reports). Each line is written with a single append and flushed before {@link #record} returns; the
 * file is opened in append mode, so a restart or a second process adds to it and never truncates it.
 * Lines follow {@link JsonLines}: no character in a key or reason can split a record.
 */
public final class JsonLinesAuditSink implements AuditSink, AutoCloseable {

    private final Path directory;
    private final JsonFactory json = JsonLines.factory();
    private LocalDate openDay;
    private OutputStream open;

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
            streamFor(day).write(line.toByteArray());
            open.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit log in " + directory, e);
        }
    }

    private OutputStream streamFor(LocalDate day) throws IOException {
        if (!day.equals(openDay)) {
            close();
            Files.createDirectories(directory);
            open = new FileOutputStream(fileFor(day).toFile(), true);
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
