package org.ahibridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.ahibridge.ledger.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit file on a really full disk: a 64 KiB tmpfs mounted for the test (it needs root and mount; it is
 * skipped with the reason otherwise), and lines cut by a crash.
 */
class JsonLinesFullDiskTest {

    @TempDir
    Path temp;

    Path disk;
    boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectory(temp.resolve("disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()) == 0;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", disk.toString());
        }
    }

    static int run(String... command) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException noSuchProgram) {
            return -1;
        }
    }

    static AuditRecord record(int i) {
        return JsonLinesAuditSinkTest.record("2026-03-01T10:00:00Z", "study/" + i + "/" + "x".repeat(i % 97) + ".dcm",
                i % 3 == 0 ? Outcome.FAILED : Outcome.IMPORTED);
    }

    /** Every line of the file parses as one JSON object, and the file ends with a newline. */
    static List<String> wholeLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        List<String> lines = text.lines().toList();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            assertThat(json.readTree(line).get("key").asText()).startsWith("study/");
        }
        return lines;
    }

    @Test
    void shouldStopWithAClearErrorAndLeaveOnlyWholeLinesWhenTheDiskIsFull() throws IOException {
        assumeThat(mounted).as("a 64 KiB tmpfs (needs root and mount)").isTrue();
        Path filler = disk.resolve("filler");
        int written = 0;
        AuditWriteException failure = null;
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(disk)) {
            // Leave some room only, so the disk fills within a few lines, mostly in the middle of one.
            Files.write(filler, new byte[40 * 1024]);
            while (failure == null && written < 10_000) {
                try {
                    sink.record(record(written));
                    written++;
                } catch (AuditWriteException e) {
                    failure = e;
                }
            }
        }

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("cannot write the audit log", "outcomes-2026-03-01.jsonl",
                "No space left on device", "the next run writes the lines that are missing");
        Path file = disk.resolve("outcomes-2026-03-01.jsonl");
        assertThat(wholeLines(file)).hasSize(written);

        Files.delete(filler);
        try (JsonLinesAuditSink nextRun = new JsonLinesAuditSink(disk)) {
            nextRun.record(record(written));
        }
        assertThat(wholeLines(file)).hasSize(written + 1);
    }

    @Test
    void shouldCutALineTornByACrashBeforeTheNextRecord() throws IOException {
        Path file = temp.resolve("audit").resolve("outcomes-2026-03-01.jsonl");
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(file.getParent())) {
            sink.record(record(1));
            sink.record(record(2));
        }
        // What a crash in the middle of a write leaves: the start of a line, no newline.
        Files.writeString(file, "{\"time\":\"2026-03-01T10:00:00Z\",\"runId\":\"run-1\",\"stor",
                StandardOpenOption.APPEND);

        try (JsonLinesAuditSink nextRun = new JsonLinesAuditSink(file.getParent())) {
            nextRun.record(record(3));
        }

        assertThat(wholeLines(file)).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{\"time\""));
        assertThat(wholeLines(file).get(2)).contains("\"study/3/");
    }

    @Test
    void shouldKeepWholeLinesWhenTwoWritersAppendToOneFile() throws Exception {
        Path dir = temp.resolve("shared");
        try (JsonLinesAuditSink first = new JsonLinesAuditSink(dir);
                JsonLinesAuditSink second = new JsonLinesAuditSink(dir)) {
            Thread other = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    second.record(record(1000 + i));
                }
            });
            other.start();
            for (int i = 0; i < 500; i++) {
                first.record(record(i));
            }
            other.join();
        }

        assertThat(wholeLines(dir.resolve("outcomes-2026-03-01.jsonl"))).hasSize(1000);
    }
}
