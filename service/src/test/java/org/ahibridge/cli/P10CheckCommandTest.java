package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.Requires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class P10CheckCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path folder;

    private int run(String... args) {
        return Commands.run("p10", args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** A folder of mixed files, with a subfolder, named so that sorted order is known. */
    private void mixedFolder() throws IOException {
        byte[] ct = Files.readAllBytes(DcmtkCorpus.ctSlice());
        Files.write(folder.resolve("a-ct.dcm"), ct);
        Files.write(folder.resolve("b-empty.dcm"), new byte[0]);
        Files.write(folder.resolve("c-truncated.dcm"), Arrays.copyOf(ct, 300_000));
        Files.writeString(folder.resolve("d-notes.txt"), "not DICOM at all\n");
        Files.copy(DcmtkCorpus.dicomdir(), folder.resolve("e-DICOMDIR"));
        Path sub = Files.createDirectories(folder.resolve("f-sub"));
        Files.copy(DcmtkCorpus.items().stream().filter(i -> i.description().equals("mr-multiframe deflated"))
                .findFirst().orElseThrow().file(), sub.resolve("mr-deflated.dcm"));
    }

    @Test
    @Requires(Dcmtk.class)
    void shouldPrintOneCorrectJsonLinePerFileInSortedOrder() throws IOException {
        mixedFolder();

        int status = run("check", "--json", folder.toString());

        assertThat(status).isZero();
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : outLines()) {
            lines.add(mapper.readTree(line));
        }
        assertThat(lines).extracting(n -> Path.of(n.get("path").asText()).getFileName().toString())
                .containsExactly("a-ct.dcm", "b-empty.dcm", "c-truncated.dcm", "d-notes.txt", "e-DICOMDIR",
                        "mr-deflated.dcm");
        assertThat(lines).extracting(n -> n.get("reason").isNull() ? null : n.get("reason").asText())
                .containsExactly(null, "EMPTY", "TRUNCATED", "NO_P10_HEADER", "MEDIA_DIRECTORY", null);
        assertThat(lines).extracting(n -> n.get("compliant").asBoolean())
                .containsExactly(true, false, false, false, false, true);

        JsonNode ct = lines.get(0);
        assertThat(ct.get("transferSyntaxUID").asText()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(ct.get("sopClassUID").asText()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(ct.get("sopInstanceUID").asText()).isEqualTo("2.25.743300000000000000000001.3");
        assertThat(ct.get("studyInstanceUID").asText()).isEqualTo("2.25.743300000000000000000001");
        assertThat(ct.get("seriesInstanceUID").asText()).isEqualTo("2.25.743300000000000000000001.2");
        assertThat(ct.get("size").asLong()).isEqualTo(Files.size(folder.resolve("a-ct.dcm")));
        assertThat(ct.get("bytesRead").asLong()).isBetween(1L, ct.get("size").asLong() / 50);
        assertThat(ct.has("message")).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("PID-1");

        assertThat(lines.get(1).get("size").asLong()).isZero();
        assertThat(lines.get(2).get("message").asText()).contains("(7FE0,0010)").contains("offset");
        assertThat(lines.get(2).get("sopInstanceUID").asText()).isEqualTo("2.25.743300000000000000000001.3");
        assertThat(lines.get(5).get("transferSyntaxUID").asText()).isEqualTo("1.2.840.10008.1.2.1.99");
    }

    @Test
    @Requires(Dcmtk.class)
    void shouldPrintReadableLinesAndASummary() throws IOException {
        mixedFolder();

        int status = run("check", folder.toString());

        assertThat(status).isZero();
        List<String> lines = outLines();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("OK").contains("a-ct.dcm");
        assertThat(lines.get(2)).startsWith("FAIL").contains("c-truncated.dcm").contains("TRUNCATED");
        assertThat(lines.get(6)).isEqualTo("6 files: 2 compliant, 4 not compliant "
                + "(EMPTY 1, MEDIA_DIRECTORY 1, NO_P10_HEADER 1, TRUNCATED 1)");
    }

    @Test
    void shouldAcceptSingleFilesAsWellAsFolders() throws IOException {
        Path text = Files.writeString(folder.resolve("x.txt"), "hello");

        assertThat(run("check", "--json", text.toString(), text.toString())).isZero();
        assertThat(outLines()).hasSize(2).allMatch(line -> line.contains("\"NO_P10_HEADER\""));
    }

    @Test
    void shouldExitWithUsageWhenNoArgumentIsGiven() {
        assertThat(run()).isEqualTo(Commands.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(String.format(
                "p10: missing subcommand: check%nsee: java -jar ahi-bridge.jar p10 --help%n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "check --json", "check --verbose x", "verify x", "check /no/such/path"})
    void shouldExitWithUsageOnUsageErrors(String args) {
        assertThat(run(args.split(" "))).isEqualTo(Commands.USAGE);
        // One line naming the problem, then the hint.
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(2).last().asString()
                .startsWith("see: java -jar ahi-bridge.jar p10");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldRefuseAMissingPathBeforeCheckingAnyFile() throws IOException {
        Path text = Files.writeString(folder.resolve("x.txt"), "hello");
        Path missing = folder.resolve("no-such-folder");

        assertThat(run("check", text.toString(), missing.toString())).isEqualTo(Commands.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "p10 check: no such file or folder: " + missing + "; check the path",
                "see: java -jar ahi-bridge.jar p10 check --help");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
