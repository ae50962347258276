package org.ahibridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.ledger.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonLinesAuditSinkTest {

    @TempDir
    Path dir;

    static AuditRecord record(String time, String key, Outcome outcome) {
        return new AuditRecord(Instant.parse(time), "run-1", "landing", key, "etag", 42, "main", outcome,
                outcome == Outcome.FAILED ? "ValidationException: \"quoted\"\nsecond line" : null, "B1",
                "ahi-staging/B1/1-x.dcm", "job1", "a".repeat(32), 1, true, "1.2.3", "1.2", "1.2.1",
                "1.2.840.10008.1.2.1", 0);
    }

    List<JsonNode> lines(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(json.readTree(line));
        }
        return nodes;
    }

    @Test
    void shouldWriteOneParsableLinePerRecordWithOnlyTheAuditFields() throws IOException {
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(dir)) {
            sink.record(record("2026-03-01T10:00:00Z", "a b/ü.dcm", Outcome.IMPORTED));
            sink.record(record("2026-03-01T11:00:00Z", "c.dcm", Outcome.FAILED));
        }

        List<JsonNode> lines = lines(dir.resolve("outcomes-2026-03-01.jsonl"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("key").asText()).isEqualTo("a b/ü.dcm");
        assertThat(lines.get(0).get("isPrimary").asBoolean()).isTrue();
        assertThat(lines.get(1).get("reason").asText()).isEqualTo("ValidationException: \"quoted\"\nsecond line");
        List<String> fields = new ArrayList<>();
        lines.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("time", "runId", "storage", "key", "version", "size", "datastore", "outcome",
                "reason", "batchId", "stagingKey", "jobId", "imageSetId", "imageSetVersion", "isPrimary",
                "sopInstanceUID", "studyInstanceUID", "seriesInstanceUID", "transferSyntaxUID", "attempts");
        assertThat(String.join(",", fields).toLowerCase()).doesNotContain("patient", "birth", "name");
    }

    @Test
    void shouldAppendAcrossRestartsAndRollOverByUtcDay() throws IOException {
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(dir)) {
            sink.record(record("2026-03-01T23:59:59Z", "a.dcm", Outcome.IMPORTED));
        }
        try (JsonLinesAuditSink restarted = new JsonLinesAuditSink(dir)) {
            restarted.record(record("2026-03-01T23:59:59.5Z", "b.dcm", Outcome.SKIPPED_NOT_P10));
            restarted.record(record("2026-03-02T00:00:00Z", "c.dcm", Outcome.IMPORTED));
        }

        assertThat(lines(dir.resolve("outcomes-2026-03-01.jsonl"))).extracting(n -> n.get("key").asText())
                .containsExactly("a.dcm", "b.dcm");
        assertThat(lines(new JsonLinesAuditSink(dir).fileFor(LocalDate.of(2026, 3, 2)))).hasSize(1);
    }

    @Test
    void shouldFanOutToEverySink() {
        List<AuditRecord> first = new ArrayList<>();
        List<AuditRecord> second = new ArrayList<>();

        AuditSink.all(List.of(first::add, second::add)).record(record("2026-03-01T00:00:00Z", "a.dcm", Outcome.IMPORTED));

        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
    }
}
