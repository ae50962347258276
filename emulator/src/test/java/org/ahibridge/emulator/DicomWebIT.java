package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.ReadOptions;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder;
import org.ahibridge.dicom.testing.PydicomTestFiles;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.emulator.junit.EmulatorExtension;

/**
 * Issue 14, acceptance 5: a study goes in through STOW-RS and comes back through QIDO-RS and WADO-RS, all of it
 * done and checked by an independent client, {@code dicomweb_client.py} (Python's http.client and email parser,
 * pydicom): a CT series of two native slices, a native 24-frame MR and an RLE MR, one patient and study. The
 * client reports what it saw; this test holds the expectations, and decodes the stored HTJ2K frames the client
 * extracted with OpenJPEG's {@code opj_decompress}, against the pixels pydicom reads from the sources.
 */
@Requires({Dcmtk.class, PydicomTestFiles.class, LosslessCodecs.class})
class DicomWebIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create().configure(EmulatorConfig::withoutSqs);

    @TempDir
    static Path work;

    @Test
    void shouldStoreSearchAndRetrieveAStudyAsAnIndependentClientSeesIt() throws Exception {
        String datastore = EmulatorClients.createActiveDatastore(EMULATOR.ahi(), "dicomweb");
        JsonNode report = runClient(datastore);
        String study = report.get("study").asText();
        List<String> sops = new ArrayList<>();
        report.get("uploads").forEach(upload -> sops.add(upload.get("sop").asText()));

        // STOW-RS: all four stored, each with a Retrieve URL, in one study.
        JsonNode stow = report.get("stow");
        assertThat(stow.get("status").asInt()).isEqualTo(200);
        assertThat(stow.get("contentType").asText()).isEqualTo("application/dicom+json");
        assertThat(texts(stow.get("referenced"))).containsExactlyElementsOf(sops);
        assertThat(stow.get("failed").asInt()).isZero();
        assertThat(stow.get("studyUrl").asText()).isEqualTo(EMULATOR.dicomWeb() + "/datastore/" + datastore
                + "/studies/" + study);

        // QIDO-RS: the study by patient, by wildcard name and date range; its series in Series Number order,
        // with a Modality filter; the CT series' instances in Instance Number order, by UID, paged.
        JsonNode qido = report.get("qido");
        JsonNode studies = qido.get("studies");
        assertThat(studies.get("status").asInt()).isEqualTo(200);
        assertThat(studies.get("contentType").asText()).isEqualTo("application/dicom+json");
        assertThat(texts(studies.get("uids"))).containsExactly(study);
        assertThat(texts(studies.get("modalities").get(0))).containsExactly("CT", "MR");
        assertThat(studies.get("seriesCounts").get(0).asInt()).isEqualTo(3);
        assertThat(studies.get("instanceCounts").get(0).asInt()).isEqualTo(4);
        assertThat(studies.get("patientNames").get(0).get("Alphabetic").asText()).isEqualTo("DICOMweb^Test");
        assertThat(studies.get("retrieveUrls").get(0).asText()).isEqualTo(stow.get("studyUrl").asText());
        assertThat(texts(qido.get("studiesByWildcardName"))).containsExactly(study);
        assertThat(qido.get("studiesOfOtherPatient").asInt()).isZero();
        JsonNode series = report.get("series");
        assertThat(qido.get("series")).hasSize(3);
        assertThat(texts(column(qido.get("series"), 0))).containsExactly(series.get("ct").asText(),
                series.get("mr").asText(), series.get("rle").asText());
        assertThat(texts(column(qido.get("series"), 2))).containsExactly("CT", "MR", "MR");
        assertThat(texts(column(qido.get("series"), 3))).containsExactly("2", "1", "1");
        assertThat(texts(qido.get("mrSeries"))).containsExactly(series.get("mr").asText(), series.get("rle").asText());
        assertThat(texts(column(qido.get("ctInstances"), 0))).containsExactly(sops.get(0), sops.get(1));
        assertThat(texts(qido.get("oneInstance"))).containsExactly(sops.get(1));
        assertThat(texts(qido.get("secondPage"))).containsExactly(sops.get(1));
        assertThat(qido.get("studyInstances").asInt()).isEqualTo(4);

        // WADO-RS metadata: DICOM JSON that pydicom reads, the stored syntax as Transfer Syntax UID, no pixels.
        JsonNode metadata = report.get("instanceMetadata");
        assertThat(metadata.get("status").asInt()).isEqualTo(200);
        assertThat(metadata.get("contentType").asText()).isEqualTo("application/dicom+json");
        assertThat(metadata.get("count").asInt()).isEqualTo(1);
        assertThat(metadata.get("sop").asText()).isEqualTo(sops.get(2));
        assertThat(metadata.get("patientId").asText()).isEqualTo(report.get("patientId").asText());
        assertThat(metadata.get("frames").asInt()).isEqualTo(24);
        assertThat(metadata.get("transferSyntax").asText()).isEqualTo(TransferSyntax.HTJ2K_LOSSLESS_RPCL);
        assertThat(metadata.get("hasPixelData").asBoolean()).isFalse();
        assertThat(texts(report.at("/seriesMetadata/sops"))).containsExactly(sops.get(0), sops.get(1));

        // WADO-RS instances: explicit VR little endian (asked for, and by default) holds the very pixel bytes of
        // each native source (the RLE one: the same pixels); the stored syntax is HTJ2K, frame by frame.
        for (JsonNode upload : report.get("uploads")) {
            JsonNode instance = report.get("instances").get(upload.get("sop").asText());
            for (String asked : List.of("explicit", "default")) {
                JsonNode explicit = instance.get(asked);
                assertThat(explicit.get("status").asInt()).as("%s %s", asked, upload).isEqualTo(200);
                assertThat(explicit.get("contentType").asText())
                        .isEqualTo("application/dicom; transfer-syntax=1.2.840.10008.1.2.1");
                assertThat(explicit.get("transferSyntax").asText()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                assertThat(explicit.get("sop").asText()).isEqualTo(upload.get("sop").asText());
                assertThat(explicit.get("pixelsIdentical").asBoolean()).as("pixels of %s", upload).isTrue();
            }
            JsonNode stored = instance.get("stored");
            assertThat(stored.get("status").asInt()).isEqualTo(200);
            assertThat(stored.get("contentType").asText())
                    .isEqualTo("application/dicom; transfer-syntax=1.2.840.10008.1.2.4.202");
            assertThat(stored.get("transferSyntax").asText()).isEqualTo(TransferSyntax.HTJ2K_LOSSLESS_RPCL);
            assertThat(stored.get("frames").asInt()).isEqualTo(upload.get("frames").asInt());
            assertStoredFramesDecodeToTheSourcePixels(Path.of(upload.get("path").asText()), stored.get("framePaths"));
        }
        assertThat(report.at("/unproducible/status").asInt()).isEqualTo(406);
        assertThat(report.at("/unproducible/message").asText()).contains("transfer-syntax=*");

        // WADO-RS frames: frames 1, 3 and 24 of the MR in the order asked, each the source frame's bytes; frame 2
        // in the stored syntax is the stored instance's second fragment.
        JsonNode frames = report.get("frames");
        assertThat(frames.get("status").asInt()).isEqualTo(200);
        assertThat(frames.get("contentType").asText())
                .startsWith("multipart/related; type=\"application/octet-stream\"");
        assertThat(texts(frames.get("partTypes"))).containsOnly(
                "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1").hasSize(3);
        assertThat(frames.get("identical")).extracting(JsonNode::asBoolean).containsExactly(true, true, true);
        JsonNode storedFrames = report.get("storedFrames");
        assertThat(storedFrames.get("status").asInt()).isEqualTo(200);
        assertThat(texts(storedFrames.get("partTypes"))).containsExactly(
                "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.4.202");
        assertThat(storedFrames.get("hashes").get(0).asText()).isEqualTo(
                report.at("/instances/" + sops.get(2) + "/stored/frameHashes").get(1).asText());
    }

    /** Each HTJ2K frame the client extracted, decoded by opj_decompress, is the source frame as pydicom reads it. */
    private static void assertStoredFramesDecodeToTheSourcePixels(Path source, JsonNode framePaths) throws IOException {
        DicomFile file;
        try (InputStream in = new FileInputStream(source.toFile())) {
            file = DicomReader.read(in, ReadOptions.full());
        }
        FrameLayout layout = FrameLayout.of(file.dataset());
        int frames = Math.max(1, file.dataset().getInt(Tags.NUMBER_OF_FRAMES, 1));
        List<int[][]> expected = PydicomFrames.samples(source, layout, frames);
        assertThat(framePaths).hasSize(frames);
        for (int i = 0; i < frames; i++) {
            byte[] codestream = Files.readAllBytes(Path.of(framePaths.get(i).asText()));
            assertThat(IndependentJ2kDecoder.decode(IndependentJ2kDecoder.Tool.OPJ_DECOMPRESS, codestream))
                    .as("frame %d of %s", i + 1, source.getFileName()).isDeepEqualTo(expected.get(i));
        }
    }

    private static JsonNode runClient(String datastore) throws Exception {
        Path script = Path.of("src", "test", "resources", "emulator", "dicomweb_client.py");
        Path sources = Path.of(PydicomTestFiles.DATA.toString(), "test_files");
        List<String> command = List.of(PydicomFrames.PYTHON.toString(), script.toString(),
                EMULATOR.dicomWeb().toString(), datastore, work.toString(), DcmtkCorpus.ctSlice().toString(),
                sources.resolve("CT_small.dcm").toString(), DcmtkCorpus.multiFrame().toString(),
                sources.resolve("MR_small_RLE.dcm").toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the client finishes").isTrue();
        assertThat(process.exitValue()).as("the client's exit status; its output:%n%s", output).isZero();
        return EmulatorClients.json(output);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode column(JsonNode rows, int index) {
        var column = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        rows.forEach(row -> column.add(row.get(index)));
        return column;
    }
}
