package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ahibridge.dicom.p10.CanaryFiles;
import org.ahibridge.dicom.p10.P10Attributes;
import org.ahibridge.dicom.p10.P10Reason;
import org.ahibridge.dicom.p10.P10Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: {@code p10 check --json} printed {@code "sopInstanceUID":"2.25...CANARY^LEAK...CANARY-ID-123"}
 * for a file whose SOP Instance UID length spans the patient module. No canary may reach stdout or
 * stderr, in JSON or in the readable form, and an invalid UID prints as null with reason INVALID_UID.
 */
class P10CheckPatientDataTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Commands.run("p10", args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void canaries() throws IOException {
        Files.write(folder.resolve("a-uid.dcm"), CanaryFiles.sopInstanceUidOverrun());
        Files.write(folder.resolve("b-modality.dcm"), CanaryFiles.modalityOverrun());
        Files.write(folder.resolve("c-syntax.dcm"), CanaryFiles.transferSyntaxWithPatientData());
    }

    @Test
    void shouldPrintNoPatientDataAsJsonAndNullForTheInvalidUid() throws IOException {
        canaries();

        int status = run("check", "--json", folder.toString());

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(stdout + err.toString(StandardCharsets.UTF_8)).doesNotContain("CANARY");
        List<JsonNode> lines = stdout.lines().map(P10CheckPatientDataTest::json).toList();
        assertThat(lines).hasSize(3);
        JsonNode uid = lines.get(0);
        assertThat(uid.get("reason").asText()).isEqualTo("INVALID_UID");
        assertThat(uid.get("sopInstanceUID").isNull()).isTrue();
        assertThat(uid.get("studyInstanceUID").asText()).isEqualTo("1.2.3.4.5");
        assertThat(lines.get(1).get("compliant").asBoolean()).isTrue();
        assertThat(lines.get(1).get("modality").isNull()).isTrue();
        assertThat(lines.get(2).get("reason").asText()).isEqualTo("UNSUPPORTED_TRANSFER_SYNTAX");
        assertThat(lines.get(2).get("transferSyntaxUID").isNull()).isTrue();
    }

    @Test
    void shouldPrintNoPatientDataAsText() throws IOException {
        canaries();

        run("check", folder.toString());

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(stdout + err.toString(StandardCharsets.UTF_8)).doesNotContain("CANARY");
        assertThat(stdout).contains("FAIL  " + folder.resolve("a-uid.dcm") + "  INVALID_UID: SOPInstanceUID (0008,0018)");
    }

    /** The JSON writer itself never prints an invalid UID, whatever attributes it is handed. */
    @Test
    void shouldNeverPrintAnInvalidUidHandedToTheJsonLine() {
        P10Attributes raw = new P10Attributes("1.2.840.10008.1.2.1", "1.2.840.10008.5.1.4.1.1.2",
                "2.25.1\u0000\u0010CANARY^LEAK", "1.2.3", "1.2.3.CANARY-ID-123", "CT", "CANARY-ID-123", null, null,
                null, null);
        P10Verdict verdict = new P10Verdict(false, P10Reason.INVALID_UID, "SOPInstanceUID (0008,0018) is not a valid UID",
                0x00080018, 140, 200, 200, raw);

        JsonNode line = json(P10Json.line(Path.of("x.dcm"), verdict));

        assertThat(line.toString()).doesNotContain("CANARY");
        assertThat(line.get("sopInstanceUID").isNull()).isTrue();
        assertThat(line.get("seriesInstanceUID").isNull()).isTrue();
        assertThat(line.get("studyInstanceUID").asText()).isEqualTo("1.2.3");
    }

    static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
