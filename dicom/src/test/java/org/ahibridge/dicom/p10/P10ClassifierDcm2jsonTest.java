package org.ahibridge.dicom.p10;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.Requires;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-check with an independent implementation: for every corpus file, what the classifier extracts
 * equals what dcmtk's {@code dcm2json} reports (PS3.18 Annex F JSON; {@code +m} adds the meta group).
 * dcm2json cannot inline encapsulated pixel data, so compressed files are given to it as a copy
 * without Pixel Data made by {@code dcmodify -ea}, which keeps the transfer syntax.
 */
@Requires(Dcmtk.class)
class P10ClassifierDcm2jsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final P10Classifier classifier = new P10Classifier();

    static List<DcmtkCorpus.Item> items() {
        return DcmtkCorpus.items();
    }

    @ParameterizedTest
    @MethodSource("items")
    void shouldExtractTheSameUidsAndAttributesAsDcm2json(DcmtkCorpus.Item item) throws Exception {
        JsonNode json = dcm2json(item.file(), !TransferSyntax.isNative(item.transferSyntaxUid()));
        P10Attributes extracted = classifier.classify(item.file()).attributes();

        assertThat(extracted.transferSyntaxUid()).isEqualTo(first(json, "00020010"));
        assertThat(extracted.sopClassUid()).isEqualTo(first(json, "00080016"));
        assertThat(extracted.sopInstanceUid()).isEqualTo(first(json, "00080018"));
        assertThat(extracted.studyInstanceUid()).isEqualTo(first(json, "0020000D"));
        assertThat(extracted.seriesInstanceUid()).isEqualTo(first(json, "0020000E"));
        assertThat(extracted.modality()).isEqualTo(first(json, "00080060"));
        assertThat(extracted.studyDate()).isEqualTo(first(json, "00080020"));
        assertThat(extracted.patientId()).isEqualTo(first(json, "00100020"));
        assertThat(extracted.accessionNumber()).isEqualTo(first(json, "00080050"));
        assertThat(text(extracted.seriesNumber())).isEqualTo(first(json, "00200011"));
        assertThat(text(extracted.numberOfFrames())).isEqualTo(first(json, "00280008"));
        assertThat(extracted.sopInstanceUid()).isNotBlank();
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }

    private static String first(JsonNode json, String tag) {
        JsonNode value = json.path(tag).path("Value");
        return value.isArray() && value.size() > 0 ? value.get(0).asText() : null;
    }

    private static JsonNode dcm2json(Path file, boolean withoutPixelData) throws IOException, InterruptedException {
        Path output = Files.createTempFile("dcm2json", ".json");
        Path copy = Files.createTempFile("dcm2json", ".dcm");
        try {
            Path input = file;
            if (withoutPixelData) {
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                run("dcmodify", "-nb", "-ea", "(7fe0,0010)", copy.toString());
                input = copy;
            }
            run("dcm2json", "+m", "-fc", input.toString(), output.toString());
            return MAPPER.readTree(output.toFile());
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(copy);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }
}
