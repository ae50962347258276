package org.ahibridge.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.ReadOptions;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.testing.PydicomTestFiles;
import org.ahibridge.dicom.testing.Requires;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DicomJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode tree(Attributes dataset) throws IOException {
        return MAPPER.readTree(DicomJson.toJson(dataset));
    }

    @Nested
    class Writing {

        @Test
        void shouldWriteUppercaseHexKeysInTagOrderWithoutGroupLengthsOrMeta() throws IOException {
            Attributes dataset = new Attributes();
            dataset.setString(0x0020000D, VR.UI, "1.2.3");
            dataset.setInts(0x00080000, VR.UL, 10);
            dataset.setString(Tags.MODALITY, VR.CS, "CT");
            dataset.setString(0x0029100A, VR.LO, "private");
            dataset.setString(Tags.TRANSFER_SYNTAX_UID, VR.UI, "1.2.840.10008.1.2.1");

            List<String> keys = new ArrayList<>();
            tree(dataset).fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("00080060", "0020000D", "0029100A");
        }

        @Test
        void shouldIncludeFileMetaOnlyWhenAsked() throws IOException {
            Attributes meta = new Attributes();
            meta.setString(Tags.TRANSFER_SYNTAX_UID, VR.UI, "1.2.840.10008.1.2.1");
            meta.setInts(Tags.FILE_META_INFORMATION_GROUP_LENGTH, VR.UL, 20);
            Attributes dataset = new Attributes();
            dataset.setString(Tags.MODALITY, VR.CS, "CT");

            JsonNode json = MAPPER.readTree(DicomJson.toJson(meta, dataset));
            assertThat(json.has("00020010")).isTrue();
            assertThat(json.has("00020000")).isFalse();
            assertThat(json.fieldNames().next()).isEqualTo("00020010");
        }

        @Test
        void shouldWriteNumbersStringsTagsAndBinaryByVr() throws IOException {
            Attributes dataset = new Attributes();
            dataset.setString(0x00180050, VR.DS, "+1.50", " .5", "abc");
            dataset.setString(Tags.SERIES_NUMBER, VR.IS, "007");
            dataset.setInts(Tags.ROWS, VR.US, 65535);
            dataset.setInts(0x00209241, VR.SL, -5);
            dataset.setBytes(0x00209165, VR.AT, new byte[] {0x10, 0, 0x20, 0});
            dataset.setBytes(0x00291010, VR.OB, new byte[] {1, 2, 3});
            dataset.setBytes(0x00181310, VR.FD,
                    java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(Double.NaN).array());
            JsonNode json = tree(dataset);

            assertThat(DicomJson.toJson(dataset)).contains("\"Value\":[1.50,0.5,\"abc\"]");
            assertThat(json.at("/00200011/Value/0").asInt()).isEqualTo(7);
            assertThat(json.at("/00280010/Value/0").asInt()).isEqualTo(65535);
            assertThat(json.at("/00209241/Value/0").asInt()).isEqualTo(-5);
            assertThat(json.at("/00209165/Value/0").asText()).isEqualTo("00100020");
            assertThat(json.at("/00291010/InlineBinary").asText()).isEqualTo("AQIDAA==");
            assertThat(json.at("/00181310/Value/0").asText()).isEqualTo("NaN");
        }

        @Test
        void shouldWriteEmptyValuesWithoutValueAndEmptyPartsAsNull() throws IOException {
            Attributes dataset = new Attributes();
            dataset.setBytes(Tags.PATIENT_ID, VR.LO, new byte[0]);
            dataset.setString(Tags.IMAGE_TYPE, VR.CS, "ORIGINAL", "", "AXIAL");
            dataset.setSequence(0x00081140, List.of());
            dataset.setSequence(0x00081150, List.of(new Attributes()));
            JsonNode json = tree(dataset);

            assertThat(json.get("00100020").toString()).isEqualTo("{\"vr\":\"LO\"}");
            assertThat(json.at("/00080008/Value").toString()).isEqualTo("[\"ORIGINAL\",null,\"AXIAL\"]");
            assertThat(json.get("00081140").toString()).isEqualTo("{\"vr\":\"SQ\"}");
            assertThat(json.at("/00081150/Value").toString()).isEqualTo("[{}]");
        }

        @Test
        void shouldSplitPersonNamesIntoComponentGroups() throws IOException {
            Attributes dataset = new Attributes();
            dataset.setString(Tags.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
            dataset.setString(Tags.PATIENT_NAME, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう", "Doe^John", "=Ideo", "^^^");
            JsonNode values = tree(dataset).at("/00100010/Value");

            assertThat(values.get(0).toString())
                    .isEqualTo("{\"Alphabetic\":\"Yamada^Tarou\",\"Ideographic\":\"山田^太郎\",\"Phonetic\":\"やまだ^たろう\"}");
            assertThat(values.get(1).toString()).isEqualTo("{\"Alphabetic\":\"Doe^John\"}");
            assertThat(values.get(2).toString()).isEqualTo("{\"Ideographic\":\"Ideo\"}");
            assertThat(values.get(3).isNull()).isTrue();
        }

        @Test
        void shouldKeepBackslashesInTextVrs() throws IOException {
            Attributes dataset = new Attributes();
            dataset.setString(0x00081030, VR.LO, "a", "b");
            dataset.setBytes(0x00204000, VR.LT, "  C:\\path\\x  ".getBytes(StandardCharsets.US_ASCII));
            JsonNode json = tree(dataset);

            assertThat(json.at("/00081030/Value").size()).isEqualTo(2);
            assertThat(json.at("/00204000/Value").toString()).isEqualTo("[\"  C:\\\\path\\\\x\"]");
        }
    }

    @Nested
    class CharacterSets {

        @Test
        void shouldDecodeAndEncodeLatin1WithIsoIr100() throws IOException {
            Attributes dataset = new Attributes();
            dataset.setString(Tags.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
            dataset.setBytes(Tags.PATIENT_NAME, VR.PN, "Müller^Zoë".getBytes(StandardCharsets.ISO_8859_1));
            String json = DicomJson.toJson(dataset);

            assertThat(MAPPER.readTree(json).at("/00100010/Value/0/Alphabetic").asText()).isEqualTo("Müller^Zoë");
            Attributes back = DicomJson.fromJson(json);
            assertThat(back.getBytes(Tags.PATIENT_NAME)).isEqualTo("Müller^Zoë".getBytes(StandardCharsets.ISO_8859_1));
        }

        @Test
        void shouldDecodeAndEncodeUtf8WithIsoIr192InItemsToo() throws IOException {
            String json = "{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]},"
                    + "\"0040A730\":{\"vr\":\"SQ\",\"Value\":[{\"0040A160\":{\"vr\":\"UT\",\"Value\":[\"Größe 5 cm → ok\"]}}]}}";
            Attributes dataset = DicomJson.fromJson(json);

            byte[] text = dataset.getSequence(0x0040A730).get(0).getBytes(0x0040A160);
            assertThat(new String(text, StandardCharsets.UTF_8)).isEqualTo("Größe 5 cm → ok ");
            assertThat(MAPPER.readTree(DicomJson.toJson(dataset))).isEqualTo(MAPPER.readTree(json));
        }

        @Test
        void shouldRejectTextTheCharacterSetCannotEncode() {
            String json = "{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 100\"]},"
                    + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"山田\"}]}}";

            assertThatThrownBy(() -> DicomJson.fromJson(json)).isInstanceOf(DicomJsonException.class)
                    .hasMessageContaining("00100010").hasMessageContaining("cannot encode");
        }

        @Test
        void shouldRejectNonAsciiInDefaultRepertoireVrs() {
            String json = "{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]},"
                    + "\"00080060\":{\"vr\":\"CS\",\"Value\":[\"Ü\"]}}";

            assertThatThrownBy(() -> DicomJson.fromJson(json)).isInstanceOf(DicomJsonException.class)
                    .hasMessageContaining("default repertoire");
        }

        @Test
        void shouldRoundTripIso2022KoreanWithEscapesAtComponentBoundaries() throws IOException {
            String json = "{\"00080005\":{\"vr\":\"CS\",\"Value\":[null,\"ISO 2022 IR 149\"]},"
                    + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Hong^Gildong\","
                    + "\"Ideographic\":\"洪^吉洞\",\"Phonetic\":\"홍^길동\"}]}}";
            Attributes dataset = DicomJson.fromJson(json);

            byte[] name = dataset.getBytes(Tags.PATIENT_NAME);
            String expectedStart = "Hong^Gildong=\u001B$)C";
            assertThat(new String(name, 0, expectedStart.length(), StandardCharsets.ISO_8859_1)).isEqualTo(expectedStart);
            assertThat(MAPPER.readTree(DicomJson.toJson(dataset))).isEqualTo(MAPPER.readTree(json));
        }

        @Test
        @Requires(PydicomTestFiles.class)
        void shouldHonourACharacterSetDeclaredInsideASequenceItem() throws IOException {
            Path file = PydicomTestFiles.DATA.resolve("charset_files/chrSQEncoding.dcm");
            DicomFile dicom = DicomReader.read(new ByteArrayInputStream(Files.readAllBytes(file)), ReadOptions.full());

            JsonNode name = tree(dicom.dataset()).at("/00321064/Value/0/00100010/Value/0");
            assertThat(name.get("Alphabetic").asText()).isEqualTo("ﾔﾏﾀﾞ^ﾀﾛｳ");
            assertThat(name.get("Ideographic").asText()).isEqualTo("山田^太郎");
            assertThat(name.get("Phonetic").asText()).isEqualTo("やまだ^たろう");
        }
    }

    @Nested
    class Reading {

        @Test
        void shouldReadNumbersAsStringsAndStringsAsNumbersWherePs318AllowsThem() throws IOException {
            Attributes dataset = DicomJson.fromJson("[{\"00180050\":{\"vr\":\"DS\",\"Value\":[0.1234567890123456789, \"2.5\"]},"
                    + "\"00200011\":{\"vr\":\"IS\",\"Value\":[12]},"
                    + "\"00209241\":{\"vr\":\"UV\",\"Value\":[\"18446744073709551615\"]},"
                    + "\"00209165\":{\"vr\":\"AT\",\"Value\":[\"7fe00010\"]}}]");

            assertThat(dataset.getStrings(0x00180050)).containsExactly("0.12345678901235", "2.5");
            assertThat(dataset.getString(Tags.SERIES_NUMBER)).isEqualTo("12");
            assertThat(dataset.getBytes(0x00209241)).containsOnly(-1);
            assertThat(dataset.getBytes(0x00209165)).containsExactly(0xE0, 0x7F, 0x10, 0x00);
        }

        @Test
        void shouldReadInlineBinaryAndEncapsulatedPixelData() throws IOException {
            Attributes source = new Attributes();
            source.put(Element.ofFragments(Tags.PIXEL_DATA, VR.OB, List.of(new byte[0], new byte[] {9, 8, 7, 6})));
            source.setBytes(0x00291010, VR.OW, new byte[] {1, 2});
            Attributes back = DicomJson.fromJson(DicomJson.toJson(source));

            assertThat(back.get(Tags.PIXEL_DATA).fragments()).hasSize(2);
            assertThat(back.get(Tags.PIXEL_DATA).fragments().get(1)).containsExactly(9, 8, 7, 6);
            assertThat(back.getBytes(0x00291010)).containsExactly(1, 2);
        }

        @Test
        void shouldRejectBulkDataUriByDefaultNamingTheElement() {
            String json = "{\"7FE00010\":{\"vr\":\"OW\",\"BulkDataURI\":\"https://example.test/frames/1\"}}";

            assertThatThrownBy(() -> DicomJson.fromJson(json)).isInstanceOf(DicomJsonException.class)
                    .hasMessageContaining("7FE00010").hasMessageContaining("https://example.test/frames/1");
        }

        @Test
        void shouldCollectBulkDataReferencesWhenAsked() throws IOException {
            String json = "{\"00081140\":{\"vr\":\"SQ\",\"Value\":[{\"00420011\":{\"vr\":\"OB\",\"BulkDataURI\":\"b/1\"}}]}}";
            List<BulkDataReference> references = new ArrayList<>();
            Attributes dataset = DicomJson.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    BulkDataResolver.collectInto(references));

            assertThat(references).containsExactly(new BulkDataReference("00081140[0].00420011", 0x00420011, VR.OB, "b/1"));
            assertThat(dataset.getSequence(0x00081140).get(0).get(0x00420011).isEmpty()).isTrue();
        }

        @Test
        void shouldRejectMalformedDocumentsWithAPath() {
            assertThatThrownBy(() -> DicomJson.fromJson("{\"0010001\":{\"vr\":\"PN\"}}"))
                    .hasMessageContaining("8 hex digits");
            assertThatThrownBy(() -> DicomJson.fromJson("{\"00100010\":{\"vr\":\"XX\"}}"))
                    .hasMessageContaining("unknown VR 'XX'");
            assertThatThrownBy(() -> DicomJson.fromJson("{\"00280010\":{\"vr\":\"US\",\"Value\":[70000]}}"))
                    .hasMessageContaining("00280010.Value[0]").hasMessageContaining("out of range");
            assertThatThrownBy(() -> DicomJson.fromJson("{\"00200011\":{\"vr\":\"IS\",\"Value\":[1.5]}}"))
                    .hasMessageContaining("not an integer");
            assertThatThrownBy(() -> DicomJson.fromJson("{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"A\\\\B\"]}}"))
                    .hasMessageContaining("backslash");
            assertThatThrownBy(() -> DicomJson.fromJson("{\"00291010\":{\"vr\":\"OB\",\"Value\":[1]}}"))
                    .hasMessageContaining("InlineBinary");
            assertThatThrownBy(() -> DicomJson.fromJson("not json")).isInstanceOf(DicomJsonException.class)
                    .hasMessageContaining("not valid JSON");
        }

        @Test
        void shouldSplitMetaFromDataset() throws IOException {
            Attributes all = DicomJson.fromJson("{\"00020010\":{\"vr\":\"UI\",\"Value\":[\"1.2.840.10008.1.2.1\"]},"
                    + "\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]}}");
            DicomFile file = DicomJson.toDicomFile(all);

            assertThat(file.transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.1");
            assertThat(file.dataset().getString(Tags.MODALITY)).isEqualTo("CT");
            assertThat(file.dataset().contains(Tags.TRANSFER_SYNTAX_UID)).isFalse();
        }
    }
}
