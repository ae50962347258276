package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.ahibridge.ledger.Outcome;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 11: the export's summary line stays one line and its report keeps no raw line-breaking
 * character, and a UID from the image set's metadata that is not a valid UID is not reported.
 */
class ExportReportLinesTest {

    @TempDir
    Path temp;

    static ExportReport report(String key, String sopUid) {
        return new ExportReport("export-1", List.of(new InstanceOutcome(Outcome.FAILED, key, "reason " + key,
                "0123456789abcdef0123456789abcdef", 1, true, "1.2.3", "1.2.3.4", sopUid, "1.2.840.10008.1.2.1", 0,
                null, 1)), 1, Instant.EPOCH, Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x85, 0x80, 0x9F, 0x2028, 0x2029})
    void shouldKeepTheSummaryOnOneLineAndTheReportFreeOfRawLineBreakers(int c) throws IOException {
        String odd = "out" + Character.toString(c) + "dir";

        String summary = ExportReportWriter.summary(report(odd, "1.2.3.4.5"), "main", "file:" + odd);
        Path file = ExportReportWriter.write(temp, report(odd, "1.2.3.4.5"), "main", "file:" + odd);

        assertThat(summary.split("\\R", -1)).hasSize(1);
        assertThat(new ObjectMapper().readTree(summary).get("destination").asText()).isEqualTo("file:" + odd);
        String written = Files.readString(file);
        assertThat(written).doesNotContain(Character.toString(c));
        assertThat(new ObjectMapper().readTree(written).get("instanceOutcomes").get(0).get("key").asText())
                .isEqualTo(odd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.25.1\u0000CANARY^LEAK", "1.2.03", "", "1..2"})
    void shouldNotReportAnInvalidUid(String sopUid) throws IOException {
        JsonNode written = new ObjectMapper().readTree(
                ExportReportWriter.write(temp, report("a.dcm", sopUid), "main", "file:out").toFile());

        assertThat(written.get("instanceOutcomes").get(0).get("sopInstanceUID").isNull()).isTrue();
        assertThat(written.get("instanceOutcomes").get(0).get("studyInstanceUID").asText()).isEqualTo("1.2.3");
    }
}
