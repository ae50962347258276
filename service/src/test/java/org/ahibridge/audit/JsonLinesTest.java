package org.ahibridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.ahibridge.ledger.Outcome;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 11: JSON lines must stay one line for every line splitter. U+0085 (NEL), the other C1 controls,
 * U+2028 and U+2029 were written raw, so Python's splitlines or Java's \R split one audit record in two.
 */
class JsonLinesTest {

    static final ObjectMapper READER = new ObjectMapper();

    @TempDir
    Path temp;

    /** Each character alone and between text, as keys and reasons carry it. */
    static String carrying(int c) {
        return "scan " + Character.toString(c) + " 1.dcm" + Character.toString(c);
    }

    static void assertOneLineThatParsesBack(String line, String field, String expected) throws IOException {
        String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        assertThat(text.split("\\R", -1)).as("lines in %s", text).hasSize(1);
        assertThat(text.codePoints().filter(JsonLines::breaksLines)).isEmpty();
        assertThat(READER.readTree(text).get(field).asText()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x85, 0x80, 0x9F, 0x2028, 0x2029})
    void shouldKeepAnAuditRecordOnOneLine(int c) throws IOException {
        String key = carrying(c);
        try (JsonLinesAuditSink sink = new JsonLinesAuditSink(temp)) {
            sink.record(new AuditRecord(Instant.parse("2026-01-02T03:04:05Z"), "run-1", "inbox", key, "v1", 10,
                    "main", Outcome.SKIPPED_NOT_P10, "reason " + key, null, null, null, null, null, null, null, null,
                    null, null, 1));
        }

        String file = Files.readString(temp.resolve("outcomes-2026-01-02.jsonl"), StandardCharsets.UTF_8);

        assertThat(file).endsWith("\n");
        assertOneLineThatParsesBack(file, "key", key);
        assertOneLineThatParsesBack(file, "reason", "reason " + key);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x85, 0x80, 0x9F, 0x2028, 0x2029})
    void shouldKeepAMapperLineOnOneLine(int c) throws IOException {
        String value = carrying(c);

        String line = JsonLines.mapper().writeValueAsString(Map.of("error", value));

        assertOneLineThatParsesBack(line, "error", value);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x85, 0x2028, 0x2029})
    void shouldLeaveOtherTextReadable(int c) throws IOException {
        String line = JsonLines.mapper().writeValueAsString(Map.of("key", "ü/é" + Character.toString(c)));

        assertThat(line).contains("ü/é").contains(String.format("\\u%04X", c));
    }
}
