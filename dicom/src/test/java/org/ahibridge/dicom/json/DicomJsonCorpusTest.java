package org.ahibridge.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomParseException;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.testing.CorpusFiles;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.ExternalTool;
import org.ahibridge.dicom.testing.LeftOut;
import org.ahibridge.dicom.testing.PydicomTestFiles;
import org.ahibridge.dicom.testing.Requires;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * For every corpus file: our DICOM JSON of the data set equals dcm2json's (after {@link JsonDiff}'s
 * normalisation), and data set to JSON to data set to JSON gives the same JSON again. dcm2json cannot
 * write encapsulated pixel data, so for compressed files Pixel Data is removed (by dcmodify) first.
 */
class DicomJsonCorpusTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Where dcm2json 3.6.7 is wrong: it ignores a Specific Character Set inside a sequence item
     * (PS3.5 §6.1.2.5 lets an item declare its own), so it prints the escape sequences of that item's
     * ISO 2022 name. {@code DicomJsonTest} checks our decoding of that name against the expected text.
     */
    private static final Map<String, String> DCM2JSON_DEVIATIONS = Map.of(
            "pydicom/chrSQEncoding.dcm", "00321064[0].00100010");
    private static final String PYDICOM_TO_JSON =
            "import sys, pydicom; print(pydicom.dcmread(sys.argv[1]).to_json())";
    private static final int DATA_SET_TRAILING_PADDING = 0xFFFCFFFC;
    private static final Path OUT = Path.of("target", "json-corpus");

    @TestFactory
    @Requires(Dcmtk.class)
    Stream<DynamicTest> shouldMatchDcm2jsonAndRoundTripForEveryCorpusFile() {
        return Stream.concat(CorpusFiles.all().stream()
                .map(file -> DynamicTest.dynamicTest(CorpusFiles.label(file), () -> compare(file))),
                LeftOut.unless(new PydicomTestFiles(), "pydicom's test files"));
    }

    private static void compare(Path source) throws IOException {
        DicomFile file;
        try {
            file = CorpusFiles.read(source);
        } catch (DicomParseException e) {
            Assumptions.abort("the reader rejects this file (" + e.kind() + "), a reader test covers it");
            return;
        }
        Attributes dataset = file.dataset();
        Path input = source;
        if (dataset.get(Tags.PIXEL_DATA) != null && dataset.get(Tags.PIXEL_DATA).isEncapsulated()) {
            Files.createDirectories(OUT);
            input = OUT.resolve(CorpusFiles.label(source).replace('/', '_'));
            Files.copy(source, input, StandardCopyOption.REPLACE_EXISTING);
            ExternalTool.Result erase = ExternalTool.run("dcmodify", "-nb", "-ie", "-e", "(7fe0,0010)", input.toString());
            assertThat(erase.exitCode()).as("dcmodify: " + erase.stderr()).isZero();
            dataset = dataset.copy();
            dataset.remove(Tags.PIXEL_DATA);
            dataset.remove(DATA_SET_TRAILING_PADDING); // dcmodify drops it when it rewrites the file
        }
        ExternalTool.Result oracle = ExternalTool.run("dcm2json", "-fc", input.toString());
        boolean pydicom = false;
        if (oracle.exitCode() != 0 && ExternalTool.installed("python3")) {
            // dcm2json's iconv lacks some ISO 2022 sets (Japanese); pydicom decodes them itself. pydicom
            // writes group lengths and re-types private elements from its private dictionary, so
            // only standard elements are compared with it.
            oracle = ExternalTool.run("/usr/bin/python3", "-c", PYDICOM_TO_JSON, input.toString());
            pydicom = true;
        }
        String ours = DicomJson.toJson(dataset);
        if (oracle.exitCode() == 0) {
            JsonNode expected = MAPPER.readTree(oracle.stdout());
            assertThat(JsonDiff.differences(expected, MAPPER.readTree(ours), pydicom).stream()
                    .filter(difference -> !difference.startsWith(DCM2JSON_DEVIATIONS.getOrDefault(
                            CorpusFiles.label(source), "\0"))).toList()).as(CorpusFiles.label(source) + ": ours vs dcm2json (or pydicom)").isEmpty();
        }
        if (oracle.exitCode() == 0 && !pydicom && !DCM2JSON_DEVIATIONS.containsKey(CorpusFiles.label(source))) {
            assertDcm2jsonOutputReadsAndWritesBack(source, oracle.stdout());
        }
        String again = DicomJson.toJson(DicomJson.fromJson(ours));
        assertThat(again).as(CorpusFiles.label(source) + ": JSON -> data set -> JSON").isEqualTo(ours);
        Assumptions.assumeTrue(oracle.exitCode() == 0, "neither dcm2json nor pydicom converts this file: "
                + oracle.stderr());
    }

    /**
     * dcm2json's JSON, read by us and written as a Part 10 file, converts back with dcm2json to the
     * same JSON: our reader understands another implementation's output, and the file we write from it
     * carries the same content.
     */
    private static void assertDcm2jsonOutputReadsAndWritesBack(Path source, String dcm2json) throws IOException {
        Attributes dataset = DicomJson.fromJson(dcm2json);
        if (dataset.getString(Tags.SOP_CLASS_UID) == null || dataset.getString(Tags.SOP_INSTANCE_UID) == null) {
            return;
        }
        Files.createDirectories(OUT);
        Path written = OUT.resolve(CorpusFiles.label(source).replace('/', '_') + ".from-json.dcm");
        try (OutputStream out = Files.newOutputStream(written)) {
            DicomWriter.write(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        ExternalTool.Result again = ExternalTool.run("dcm2json", "-fc", written.toString());
        assertThat(again.exitCode()).as(written + ": " + again.stderr()).isZero();
        assertThat(JsonDiff.differences(MAPPER.readTree(dcm2json), MAPPER.readTree(again.stdout()), false))
                .as(CorpusFiles.label(source) + ": dcm2json -> ours -> P10 -> dcm2json").isEmpty();
    }
}
