package org.ahibridge.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.ReadOptions;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.Requires;

@Requires(Dcmtk.class)
class AhiMetadataRoundTripTest {

    static Stream<DcmtkCorpus.Item> corpus() {
        return DcmtkCorpus.items().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldRebuildTheSourceAttributesFromTheMetadataDocument(DcmtkCorpus.Item item) throws Exception {
        DicomFile source = read(item);
        ObjectNode document = AhiMetadataWriter.newDocument("d".repeat(32), "i".repeat(32));
        List<AhiMetadataFrame> frames = List.of(new AhiMetadataFrame("f".repeat(32), 10, 123, 2, 3, null, null));
        AhiMetadataWriter.putInstance(document, source.fileMeta(), source.dataset(), item.transferSyntaxUid(), frames);
        // Through text, as a client receives it.
        JsonNode parsed = new ObjectMapper().readTree(document.toString());

        AhiMetadataInstance instance = AhiMetadataReader.instances(parsed).get(0);

        assertSame(instance.fileMeta(), source.fileMeta());
        Attributes expected = source.dataset().copy();
        expected.remove(Tags.PIXEL_DATA); // documented: pixels travel as frames, not in the metadata
        assertSame(instance.dataset(), expected);
        assertThat(instance.storedTransferSyntaxUid()).isEqualTo(item.transferSyntaxUid());
        assertThat(instance.frames()).containsExactlyElementsOf(frames);
        assertThat(instance.pixelDataVr()).isEqualTo(source.dataset().get(Tags.PIXEL_DATA).vr());
        assertThat(instance.sopInstanceUid()).isEqualTo(source.dataset().getString(Tags.SOP_INSTANCE_UID));
    }

    @Test
    void shouldSplitAttributesByLevelAndEncodeValuesAsAhiDoes() throws Exception {
        DicomFile ct = read(DcmtkCorpus.items().get(0));
        ObjectNode document = AhiMetadataWriter.newDocument("d".repeat(32), "i".repeat(32));
        AhiMetadataWriter.putInstance(document, ct.fileMeta(), ct.dataset(), "1.2.840.10008.1.2.1", List.of());

        assertThat(document.get("SchemaVersion").asText()).isEqualTo("1.1");
        assertThat(document.at("/Patient/DICOM/PatientID").asText()).isEqualTo("PID-1 ");
        assertThat(document.at("/Patient/DICOM/PatientSex").asText()).isEqualTo("O ");
        assertThat(document.at("/Study/DICOM/AccessionNumber").asText()).isEqualTo("ACC1");
        assertThat(document.at("/Study/DICOM/StudyDescription").isTextual()).isTrue();
        JsonNode series = document.at("/Study/Series/" + ct.dataset().getString(Tags.SERIES_INSTANCE_UID));
        assertThat(series.at("/DICOM/Modality").asText()).isEqualTo("CT");
        assertThat(series.at("/DICOM/SeriesNumber").asText()).isEqualTo("1 ");
        JsonNode instance = series.at("/Instances/" + ct.dataset().getString(Tags.SOP_INSTANCE_UID));
        JsonNode dicom = instance.get("DICOM");
        assertThat(dicom.get("PatientID")).isNull();
        assertThat(dicom.get("Rows").isNumber()).isTrue();
        assertThat(dicom.get("ImageType")).hasSize(3);
        assertThat(dicom.get("PixelSpacing").isArray()).isTrue();
        assertThat(dicom.get("WindowCenter").isArray()).as("VM 1-n is an array even with one value").isTrue();
        assertThat(dicom.get("PixelData").isNull()).isTrue();
        assertThat(dicom.get("FileMetaInformationVersion").asText()).isEqualTo("AAE=");
        assertThat(dicom.get("TransferSyntaxUID").asText()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(dicom.get("ReferencedImageSequence").get(0).has("ReferencedSOPInstanceUID")).isTrue();
        assertThat(dicom.get("00291011").asText()).isEqualTo("private text");
        assertThat(instance.at("/DICOMVRs/00291011").asText()).isEqualTo("LO");
        assertThat(instance.at("/DICOMVRs/7FE00010").asText()).isEqualTo("OW");
    }

    @Test
    void shouldWriteTheChecksumTypeAndReadAMissingStoredSyntaxAsTheDatastoresFormat() throws Exception {
        Attributes dataset = new Attributes().setString(Tags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7")
                .setString(Tags.SOP_INSTANCE_UID, VR.UI, "2.25.5").setString(Tags.STUDY_INSTANCE_UID, VR.UI, "2.25.6")
                .setString(Tags.SERIES_INSTANCE_UID, VR.UI, "2.25.7");
        ObjectNode document = AhiMetadataWriter.newDocument("d".repeat(32), "i".repeat(32));
        AhiMetadataWriter.putInstance(document, new Attributes(), dataset, "1.2.840.10008.1.2.4.90", "DECOMPRESSED",
                List.of());
        ObjectNode instance = (ObjectNode) document.at("/Study/Series/2.25.7/Instances/2.25.5");
        assertThat(instance.get("ChecksumType").asText()).isEqualTo("DECOMPRESSED");
        assertThat(AhiMetadataReader.instances(document).get(0).storedTransferSyntaxUid())
                .isEqualTo("1.2.840.10008.1.2.4.90");

        instance.remove("StoredTransferSyntaxUID");
        assertThat(AhiMetadataReader.instances(document).get(0).storedTransferSyntaxUid())
                .as("AHI's default format").isEqualTo("1.2.840.10008.1.2.4.202");
        assertThat(AhiMetadataReader.instances(document, "1.2.840.10008.1.2.4.90").get(0).storedTransferSyntaxUid())
                .as("a JPEG_2000_LOSSLESS data store").isEqualTo("1.2.840.10008.1.2.4.90");
        instance.putNull("StoredTransferSyntaxUID");
        assertThat(AhiMetadataReader.instances(document, "1.2.840.10008.1.2.4.90").get(0).storedTransferSyntaxUid())
                .isEqualTo("1.2.840.10008.1.2.4.90");
    }

    private static DicomFile read(DcmtkCorpus.Item item) throws IOException {
        try (InputStream in = Files.newInputStream(item.file())) {
            return DicomReader.read(in, ReadOptions.full());
        }
    }

    /** Same tags, VRs and value bytes, recursively into sequence items. */
    static void assertSame(Attributes actual, Attributes expected) {
        assertThat(describe(actual)).containsExactlyElementsOf(describe(expected));
    }

    private static List<String> describe(Attributes attributes) {
        List<String> lines = new ArrayList<>();
        for (Element e : attributes.elements()) {
            String head = Tags.toString(e.tag()) + " " + e.vr();
            if (e.isSequence()) {
                lines.add(head + " items=" + e.items().size());
                for (Attributes item : e.items()) {
                    describe(item).forEach(l -> lines.add("  " + l));
                }
            } else if (e.isEncapsulated()) {
                lines.add(head + " fragments");
            } else {
                lines.add(head + " " + (e.vr() == VR.SQ ? "" : Arrays.toString(e.bytes())));
            }
        }
        return lines;
    }
}
