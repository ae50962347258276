package org.ahibridge.dicom.p10;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class P10ClassifierTest {

    private static final long UNDEFINED = 0xFFFFFFFFL;
    private final P10Classifier classifier = new P10Classifier();

    private P10Verdict classify(byte[] bytes) throws IOException {
        return classifier.classify(new ByteArrayInputStream(bytes), bytes.length);
    }

    private P10Verdict classifyUnknownSize(byte[] bytes) throws IOException {
        return classifier.classify(new ByteArrayInputStream(bytes), -1);
    }

    private static byte[] withChanges(Map<Integer, String> changes) {
        return P10Bytes.validHeader(changes).element(0x7FE00010, "OW", new byte[32]).bytes();
    }

    @Nested
    class Compliant {

        @Test
        void shouldAcceptSmallExplicitLittleEndianObjectAndExtractItsAttributes() throws IOException {
            P10Verdict verdict = classify(P10Bytes.valid());

            assertThat(verdict.compliant()).isTrue();
            assertThat(verdict.reason()).isNull();
            assertThat(verdict.message()).contains("Explicit VR Little Endian").contains("(7FE0,0010)");
            P10Attributes attributes = verdict.attributes();
            assertThat(attributes.transferSyntaxUid()).isEqualTo(P10Bytes.EXPLICIT_LE);
            assertThat(attributes.sopClassUid()).isEqualTo(P10Bytes.CT);
            assertThat(attributes.sopInstanceUid()).isEqualTo("1.2.3.4.5.6");
            assertThat(attributes.studyInstanceUid()).isEqualTo("1.2.3.4.5");
            assertThat(attributes.seriesInstanceUid()).isEqualTo("1.2.3.4.5.1");
            assertThat(attributes.modality()).isEqualTo("CT");
            assertThat(attributes.patientId()).isEqualTo("SECRET-PID-4711");
            assertThat(attributes.accessionNumber()).isEqualTo("ACC-77");
            assertThat(attributes.studyDate()).isEqualTo("20240105");
            assertThat(attributes.seriesNumber()).isEqualTo(7);
            assertThat(attributes.numberOfFrames()).isNull();
            assertThat(attributes.toString()).doesNotContain("SECRET-PID-4711").doesNotContain("ACC-77");
        }

        @Test
        void shouldReadOnlyTheHeaderOfAnObjectWithLargePixelData() throws IOException {
            byte[] header = P10Bytes.validHeader().header(0x7FE00010, "OW", 1 << 20).bytes();
            byte[] object = Arrays.copyOf(header, header.length + (1 << 20));

            P10Verdict verdict = classify(object);

            assertThat(verdict.compliant()).isTrue();
            assertThat(verdict.size()).isEqualTo(object.length);
            assertThat(verdict.bytesRead()).isLessThanOrEqualTo(P10Classifier.BUFFER_SIZE);
        }

        @Test
        void shouldAcceptObjectWithoutPixelData() throws IOException {
            P10Verdict verdict = classify(P10Bytes.validHeader().bytes());

            assertThat(verdict.compliant()).isTrue();
            assertThat(verdict.message()).contains("no Pixel Data");
        }

        @Test
        void shouldAcceptEncapsulatedPixelDataWhoseFirstFragmentFits() throws IOException {
            byte[] object = encapsulated(16, 16);

            assertThat(classify(object).compliant()).isTrue();
            assertThat(classifyUnknownSize(object).compliant()).isTrue();
        }
    }

    @Nested
    class Empty {

        @Test
        void shouldReportEmptyObjectWithKnownSize() throws IOException {
            P10Verdict verdict = classify(new byte[0]);

            assertThat(verdict.reason()).isEqualTo(P10Reason.EMPTY);
            assertThat(verdict.bytesRead()).isZero();
        }

        @Test
        void shouldReportEmptyStreamOfUnknownSize() throws IOException {
            assertThat(classifyUnknownSize(new byte[0]).reason()).isEqualTo(P10Reason.EMPTY);
        }
    }

    @Nested
    class NoP10Header {

        @Test
        void shouldRejectTextFile() throws IOException {
            P10Verdict verdict = classify("just some text\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(verdict.reason()).isEqualTo(P10Reason.NO_P10_HEADER);
            assertThat(verdict.message()).contains("128-byte preamble");
        }

        @Test
        void shouldRejectFileWithoutDicmPrefix() throws IOException {
            byte[] object = P10Bytes.valid();
            object[129] = 'X';

            P10Verdict verdict = classify(object);

            assertThat(verdict.reason()).isEqualTo(P10Reason.NO_P10_HEADER);
            assertThat(verdict.message()).contains("'DICM'").contains("offset 128");
        }

        @Test
        void shouldRejectBareDataSetWithoutPreamble() throws IOException {
            byte[] bare = Arrays.copyOfRange(P10Bytes.valid(), 132, P10Bytes.valid().length);

            assertThat(classify(bare).reason()).isEqualTo(P10Reason.NO_P10_HEADER);
        }
    }

    @Nested
    class Truncated {

        @ParameterizedTest
        @ValueSource(ints = {133, 140, 200, 260, 300})
        void shouldReportObjectCutInsideTheHeader(int length) throws IOException {
            byte[] cut = Arrays.copyOf(P10Bytes.valid(), length);

            assertThat(classify(cut).reason()).isEqualTo(P10Reason.TRUNCATED);
            assertThat(classifyUnknownSize(cut).reason()).isEqualTo(P10Reason.TRUNCATED);
        }

        @Test
        void shouldReportObjectCutAtAnElementBoundaryOfTheFileMetaAsTruncated() throws IOException {
            byte[] meta = new P10Bytes().preamble().meta("1.2.840.10008.5.1.4.1.1.7", "1.2.3.4",
                    "1.2.840.10008.1.2.1").bytes();
            // Cut after each complete meta element: the transfer syntax may be missing, but the cut comes first.
            for (int end = 132; end <= meta.length; end++) {
                if (!isElementBoundary(meta, end)) {
                    continue;
                }
                byte[] cut = Arrays.copyOf(meta, end);
                assertThat(classify(cut).reason()).as("cut at %d", end).isEqualTo(P10Reason.TRUNCATED);
                assertThat(classifyUnknownSize(cut).reason()).as("cut at %d", end).isEqualTo(P10Reason.TRUNCATED);
            }
        }

        private static boolean isElementBoundary(byte[] meta, int end) {
            int position = 132;
            while (position < end) {
                int vr = ((meta[position + 4] & 0xFF) << 8) | (meta[position + 5] & 0xFF);
                boolean longLength = vr == ('O' << 8 | 'B') || vr == ('U' << 8 | 'N');
                int length = longLength
                        ? (meta[position + 8] & 0xFF) | (meta[position + 9] & 0xFF) << 8
                        : (meta[position + 6] & 0xFF) | (meta[position + 7] & 0xFF) << 8;
                position += (longLength ? 12 : 8) + length;
            }
            return position == end;
        }

        @Test
        void shouldReportObjectEndingRightAfterDicm() throws IOException {
            P10Verdict verdict = classify(new P10Bytes().preamble().bytes());

            assertThat(verdict.reason()).isEqualTo(P10Reason.TRUNCATED);
            assertThat(verdict.message()).contains("132");
        }

        @Test
        void shouldReportNativePixelDataShorterThanDeclaredWithoutReadingIt() throws IOException {
            byte[] header = P10Bytes.validHeader().header(0x7FE00010, "OW", 524288).bytes();
            byte[] object = Arrays.copyOf(header, header.length + 524288 - 1000);

            P10Verdict verdict = classify(object);

            assertThat(verdict.reason()).isEqualTo(P10Reason.TRUNCATED);
            assertThat(verdict.message()).contains("(7FE0,0010)").contains("offset " + (header.length - 12))
                    .contains("1000 bytes missing");
            assertThat(verdict.bytesRead()).isLessThanOrEqualTo(P10Classifier.BUFFER_SIZE);
            assertThat(verdict.attributes().sopInstanceUid()).isEqualTo("1.2.3.4.5.6");
        }

        @Test
        void shouldReportElementLengthRunningPastTheEnd() throws IOException {
            byte[] object = P10Bytes.validHeader().header(0x00291010, "OB", 5000).raw(new byte[100]).bytes();

            P10Verdict verdict = classify(object);

            assertThat(verdict.reason()).isEqualTo(P10Reason.TRUNCATED);
            assertThat(verdict.message()).contains("(0029,1010)").contains("5000");
        }

        @Test
        void shouldReportEncapsulatedFirstFragmentRunningPastTheEnd() throws IOException {
            byte[] object = encapsulated(16, 16);
            byte[] cut = Arrays.copyOf(object, object.length - 12);

            P10Verdict verdict = classify(cut);

            assertThat(verdict.reason()).isEqualTo(P10Reason.TRUNCATED);
            assertThat(verdict.message()).contains("first fragment");
        }
    }

    @Nested
    class Malformed {

        @Test
        void shouldRejectInvalidVr() throws IOException {
            byte[] object = P10Bytes.validHeader().raw(new byte[] {0x29, 0, 0x10, 0x10, 'z', 'z', 2, 0, 1, 2}).bytes();

            P10Verdict verdict = classify(object);

            assertThat(verdict.reason()).isEqualTo(P10Reason.MALFORMED);
            assertThat(verdict.message()).contains("invalid VR").contains("(0029,1010)").contains("offset");
            assertThat(verdict.tag()).isEqualTo(0x00291010);
        }

        @Test
        void shouldRejectUndefinedLengthOnAShortValue() throws IOException {
            byte[] object = P10Bytes.validHeader().header(0x00291010, "OB", UNDEFINED).bytes();

            assertThat(classify(object).reason()).isEqualTo(P10Reason.MALFORMED);
        }

        @Test
        void shouldRejectNestingDeeperThanTheLimit() throws IOException {
            P10Bytes bytes = P10Bytes.validHeader();
            for (int i = 0; i < 40; i++) {
                bytes.header(0x00291020, "SQ", UNDEFINED).item(0xFFFEE000, UNDEFINED);
            }
            P10Verdict verdict = classify(bytes.bytes());

            assertThat(verdict.reason()).isEqualTo(P10Reason.MALFORMED);
            assertThat(verdict.message()).contains("nests deeper than " + P10Classifier.DEFAULT_MAX_DEPTH);
        }

        @Test
        void shouldRejectEncapsulatedPixelDataWithoutItem() throws IOException {
            byte[] object = P10Bytes.validHeader().header(0x7FE00010, "OB", UNDEFINED).raw(new byte[16]).bytes();

            P10Verdict verdict = classify(object);

            assertThat(verdict.reason()).isEqualTo(P10Reason.MALFORMED);
            assertThat(verdict.message()).contains("Basic Offset Table");
        }

        @Test
        void shouldRejectCorruptDeflatedDataSet() throws IOException {
            byte[] object = new P10Bytes().preamble().meta(P10Bytes.CT, "1.2.3", "1.2.840.10008.1.2.1.99")
                    .raw(new byte[] {(byte) 0xFF, (byte) 0xFF, 0x12, 0x34, 0x56, 0x78, 0x10, 0x11}).bytes();

            assertThat(classify(object).reason()).isEqualTo(P10Reason.MALFORMED);
        }
    }

    @Nested
    class Limits {

        @Test
        void shouldReportHeaderLargerThanConfigured() throws IOException {
            byte[] object = P10Bytes.validHeader().element(0x00291010, "OB", new byte[4000]).bytes();

            P10Verdict verdict = new P10Classifier(1024, 8).classify(new ByteArrayInputStream(object), object.length);

            assertThat(verdict.reason()).isEqualTo(P10Reason.HEADER_TOO_LARGE);
            assertThat(verdict.message()).contains("1024").contains("(0029,1010)");
        }
    }

    @Nested
    class FileMeta {

        @Test
        void shouldReportMissingTransferSyntax() throws IOException {
            byte[] object = new P10Bytes().preamble().meta(P10Bytes.CT, "1.2.3", null).bytes();

            P10Verdict verdict = classify(object);

            assertThat(verdict.reason()).isEqualTo(P10Reason.MISSING_TRANSFER_SYNTAX);
            assertThat(verdict.message()).contains("(0002,0010)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.2.840.10008.1.2.4.94", "1.2.3.4"})
        void shouldReportTransferSyntaxAhiDoesNotImport(String syntax) throws IOException {
            byte[] object = new P10Bytes().preamble().meta(P10Bytes.CT, "1.2.3", syntax).bytes();

            P10Verdict verdict = classify(object);

            assertThat(verdict.reason()).isEqualTo(P10Reason.UNSUPPORTED_TRANSFER_SYNTAX);
            assertThat(verdict.message()).contains(syntax).contains("(0002,0010)");
            assertThat(verdict.attributes().transferSyntaxUid()).isEqualTo(syntax);
        }

        @Test
        void shouldReportMediaDirectory() throws IOException {
            byte[] object = new P10Bytes().preamble().meta("1.2.840.10008.1.3.10", "1.2.3", P10Bytes.EXPLICIT_LE)
                    .bytes();

            P10Verdict verdict = classify(object);

            assertThat(verdict.reason()).isEqualTo(P10Reason.MEDIA_DIRECTORY);
            assertThat(verdict.message()).contains("(0002,0002)").contains("DICOMDIR");
        }
    }

    @Nested
    class Attributes {

        @ParameterizedTest
        @ValueSource(ints = {0x00080016, 0x00080018, 0x0020000D, 0x0020000E})
        void shouldReportEachMissingRequiredUid(int tag) throws IOException {
            Map<Integer, String> changes = new HashMap<>();
            changes.put(tag, null);

            P10Verdict verdict = classify(withChanges(changes));

            assertThat(verdict.reason()).isEqualTo(P10Reason.MISSING_REQUIRED_ATTRIBUTE);
            assertThat(verdict.tag()).isEqualTo(tag);
            assertThat(verdict.message()).contains(String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF));
        }

        @Test
        void shouldReportStudyDescriptionLongerThanAhiAccepts() throws IOException {
            P10Verdict verdict = classify(withChanges(Map.of(0x00081030, "d".repeat(65))));

            assertThat(verdict.reason()).isEqualTo(P10Reason.VALUE_TOO_LONG);
            assertThat(verdict.message()).contains("(0008,1030)").contains("65 characters").contains("64")
                    .containsPattern("offset \\d+");
        }

        @Test
        void shouldReportStudyIdLongerThanSixteen() throws IOException {
            assertThat(classify(withChanges(Map.of(0x00200010, "S".repeat(17)))).reason())
                    .isEqualTo(P10Reason.VALUE_TOO_LONG);
            assertThat(classify(withChanges(Map.of(0x00200010, "S".repeat(16)))).compliant()).isTrue();
        }

        @Test
        void shouldReportTooManyStudyRelatedInstances() throws IOException {
            assertThat(classify(withChanges(Map.of(0x00201208, "10001"))).reason()).isEqualTo(P10Reason.VALUE_TOO_LONG);
        }

        @Test
        void shouldNeverPutPatientDataInMessages() throws IOException {
            String patientId = "PID-" + "7".repeat(300);

            P10Verdict verdict = classify(withChanges(Map.of(0x00100020, patientId)));

            assertThat(verdict.reason()).isEqualTo(P10Reason.VALUE_TOO_LONG);
            assertThat(verdict.message()).contains("(0010,0020)").doesNotContain("777");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.2.03", "1..2", "1.2.", ".1.2", "1.2.a", "1.2 3",
                "1.2.3333333333333333333333333333333333333333333333333333333333333333"})
        void shouldReportInvalidUid(String uid) throws IOException {
            P10Verdict verdict = classify(withChanges(Map.of(0x0020000E, uid)));

            assertThat(verdict.reason()).isEqualTo(P10Reason.INVALID_UID);
            assertThat(verdict.message()).contains("(0020,000E)").contains("PS3.5");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "1.0.2", "2.25.329800735698586629295641978511506172918", "1.2.840.10008.1"})
        void shouldAcceptValidUids(String uid) throws IOException {
            assertThat(classify(withChanges(Map.of(0x0020000E, uid))).compliant()).isTrue();
        }
    }

    @Test
    void shouldClassifyDeflatedObject() throws IOException {
        byte[] plain = P10Bytes.valid();
        int metaEnd = 132 + 12 + (int) (plain[140] & 0xFF | (plain[141] & 0xFF) << 8);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(6, true))) {
            out.write(plain, metaEnd, plain.length - metaEnd);
        }
        byte[] object = new P10Bytes().preamble().meta(P10Bytes.CT, "1.2.3.4.5.6", "1.2.840.10008.1.2.1.99")
                .raw(deflated.toByteArray()).bytes();

        P10Verdict verdict = classify(object);

        assertThat(verdict.compliant()).as(verdict.message()).isTrue();
        assertThat(verdict.attributes().seriesInstanceUid()).isEqualTo("1.2.3.4.5.1");
        assertThat(classify(Arrays.copyOf(object, object.length - 30)).reason()).isEqualTo(P10Reason.TRUNCATED);
    }

    @Test
    void shouldTurnAnUnexpectedFailureIntoAMalformedVerdict() throws IOException {
        byte[] valid = P10Bytes.valid();
        java.io.InputStream failing = new java.io.InputStream() {
            private int position;

            @Override
            public int read() {
                if (position == 300) {
                    throw new IllegalStateException("simulated defect");
                }
                return valid[position++] & 0xFF;
            }
        };

        P10Verdict verdict = classifier.classify(failing, valid.length);

        assertThat(verdict.reason()).isEqualTo(P10Reason.MALFORMED);
        assertThat(verdict.message()).contains("internal reader error").contains("IllegalStateException");
        assertThat(verdict.attributes()).isEqualTo(P10Attributes.NONE);
    }

    /** Encapsulated Pixel Data: empty offset table, one fragment, delimiter. */
    private static byte[] encapsulated(int fragmentLength, int fragmentBytesPresent) {
        return P10Bytes.validHeader().header(0x7FE00010, "OB", UNDEFINED).item(0xFFFEE000, 0)
                .item(0xFFFEE000, fragmentLength).raw(new byte[fragmentBytesPresent]).item(0xFFFEE0DD, 0).bytes();
    }
}
