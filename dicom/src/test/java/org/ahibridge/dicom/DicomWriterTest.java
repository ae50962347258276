package org.ahibridge.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DicomWriterTest {

    private static final String SOP_CLASS = "1.2.840.10008.5.1.4.1.1.7";

    static Attributes minimal() {
        Attributes dataset = new Attributes();
        dataset.setString(Tags.SOP_CLASS_UID, VR.UI, SOP_CLASS);
        dataset.setString(Tags.SOP_INSTANCE_UID, VR.UI, "2.25.1");
        return dataset;
    }

    static byte[] write(Attributes dataset, String syntax) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(out, dataset, syntax);
        return out.toByteArray();
    }

    static DicomFile read(byte[] bytes) throws IOException {
        return DicomReader.read(new ByteArrayInputStream(bytes), ReadOptions.full().withKnownSize(bytes.length));
    }

    /** Offset of the first data set byte: preamble, DICM, then 12 bytes of (0002,0000) plus its value. */
    static int datasetOffset(byte[] file) {
        return 132 + 12 + ByteBuffer.wrap(file, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    @Nested
    class FileMetaInformationGroup {

        @Test
        void shouldWriteZeroPreambleDicmAndACorrectGroupLength() throws IOException {
            byte[] file = write(minimal(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

            assertThat(Arrays.copyOf(file, 128)).containsOnly(0);
            assertThat(new String(file, 128, 4, StandardCharsets.US_ASCII)).isEqualTo("DICM");
            assertThat(new String(file, 132, 6, StandardCharsets.US_ASCII)).isEqualTo("\u0002\0\0\0UL");
            int dataset = datasetOffset(file);
            assertThat(ByteBuffer.wrap(file, dataset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
                    .as("first data set tag right after the group").isEqualTo(0x00160008);
        }

        @Test
        void shouldTakeMediaStorageUidsFromTheDatasetAndIdentifyThisImplementation() throws IOException {
            Attributes meta = read(write(minimal(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).fileMeta();

            assertThat(meta.getBytes(Tags.FILE_META_INFORMATION_VERSION)).containsExactly(0, 1);
            assertThat(meta.getString(Tags.MEDIA_STORAGE_SOP_CLASS_UID)).isEqualTo(SOP_CLASS);
            assertThat(meta.getString(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID)).isEqualTo("2.25.1");
            assertThat(meta.getString(Tags.TRANSFER_SYNTAX_UID)).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            assertThat(meta.getString(Tags.IMPLEMENTATION_CLASS_UID)).isEqualTo(Implementation.CLASS_UID);
            assertThat(meta.getString(Tags.IMPLEMENTATION_VERSION_NAME)).isEqualTo("AHIBRIDGE_0_1");
        }

        @Test
        void shouldDeriveTheImplementationUidFromTheFixedUuidUnderRoot225() {
            assertThat(Implementation.CLASS_UID).isEqualTo("2.25.219376459248496067236677532645283956076");
            assertThat(Implementation.CLASS_UID.length()).isLessThanOrEqualTo(64);
            assertThat(Implementation.VERSION_NAME.length()).isLessThanOrEqualTo(16);
        }

        @Test
        void shouldRejectADatasetWithoutSopInstanceUid() {
            Attributes dataset = minimal();
            dataset.remove(Tags.SOP_INSTANCE_UID);

            assertThatThrownBy(() -> write(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0008,0018)");
        }

        @Test
        void shouldRejectFileMetaElementsInTheDataset() {
            Attributes dataset = minimal();
            dataset.setString(Tags.TRANSFER_SYNTAX_UID, VR.UI, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

            assertThatThrownBy(() -> write(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0002,0010)");
        }
    }

    @Nested
    class Padding {

        @Test
        void shouldPadUidWithNulTextWithSpaceAndObWithNul() throws IOException {
            Attributes dataset = minimal();
            dataset.setBytes(0x00081155, VR.UI, "1.2.3".getBytes(StandardCharsets.US_ASCII));
            dataset.setBytes(0x00100010, VR.PN, "Doe^J".getBytes(StandardCharsets.US_ASCII));
            dataset.setBytes(0x00291010, VR.OB, new byte[] {1, 2, 3});
            Attributes back = read(write(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).dataset();

            assertThat(back.getBytes(0x00081155)).isEqualTo("1.2.3\0".getBytes(StandardCharsets.US_ASCII));
            assertThat(back.getBytes(0x00100010)).isEqualTo("Doe^J ".getBytes(StandardCharsets.US_ASCII));
            assertThat(back.getBytes(0x00291010)).containsExactly(1, 2, 3, 0);
        }

        @Test
        void shouldWriteEmptyValuesWithZeroLength() throws IOException {
            Attributes dataset = minimal();
            dataset.setBytes(Tags.PATIENT_NAME, VR.PN, new byte[0]);
            dataset.setSequence(0x00081140, List.of());
            byte[] file = write(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            Attributes back = read(file).dataset();

            assertThat(back.get(Tags.PATIENT_NAME).isEmpty()).isTrue();
            assertThat(back.get(0x00081140).isSequence()).isTrue();
            assertThat(back.get(0x00081140).items()).isEmpty();
        }
    }

    @Nested
    class Encodings {

        @Test
        void shouldSwapBinaryValuesInBigEndianAndLeaveBytesAlone() throws IOException {
            Attributes dataset = minimal();
            dataset.setInts(Tags.ROWS, VR.US, 0x0102);
            dataset.setInts(0x00281052, VR.SL, 0x01020304); // not its dictionary VR; any SL swaps by 4
            dataset.setBytes(0x00291010, VR.OB, new byte[] {1, 2});
            dataset.setBytes(0x00291011, VR.OW, new byte[] {1, 2, 3, 4});
            byte[] file = write(dataset, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);

            assertThat(indexOf(file, new byte[] {0, 0x28, 0, 0x10, 'U', 'S', 0, 2, 0x01, 0x02})).isPositive();
            assertThat(indexOf(file, new byte[] {'S', 'L', 0, 4, 1, 2, 3, 4})).isPositive();
            assertThat(indexOf(file, new byte[] {'O', 'B', 0, 0, 0, 0, 0, 2, 1, 2})).isPositive();
            assertThat(indexOf(file, new byte[] {'O', 'W', 0, 0, 0, 0, 0, 4, 2, 1, 4, 3})).isPositive();
            Attributes back = read(file).dataset();
            assertThat(back.getInt(Tags.ROWS, 0)).isEqualTo(0x0102);
            assertThat(back.getBytes(0x00291011)).containsExactly(1, 2, 3, 4);
        }

        @Test
        void shouldWriteImplicitVrWithoutVrCharacters() throws IOException {
            Attributes dataset = minimal();
            dataset.setInts(Tags.ROWS, VR.US, 7);
            byte[] file = write(dataset, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);

            assertThat(indexOf(file, new byte[] {0x28, 0, 0x10, 0, 2, 0, 0, 0, 7, 0})).isPositive();
            assertThat(read(file).dataset().getInt(Tags.ROWS, 0)).isEqualTo(7);
        }

        @Test
        void shouldDeflateTheDatasetWithRawDeflate() throws IOException {
            Attributes dataset = minimal();
            dataset.setString(Tags.PATIENT_ID, VR.LO, "X".repeat(1000));
            byte[] file = write(dataset, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
            int start = datasetOffset(file);

            assertThat(file.length).isLessThan(start + 200);
            InputStream inflated = new InflaterInputStream(
                    new ByteArrayInputStream(file, start, file.length - start), new Inflater(true));
            byte[] plain = inflated.readAllBytes();
            assertThat(ByteBuffer.wrap(plain).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(0x00160008);
            assertThat(read(file).dataset().getString(Tags.PATIENT_ID)).isEqualTo("X".repeat(1000));
        }
    }

    @Nested
    class LongValues {

        @Test
        void shouldWriteAShortLengthValueOver64KiBAsUnInExplicitLittleEndian() throws IOException {
            Attributes dataset = minimal();
            byte[] lut = new byte[70_000];
            lut[69_999] = 9;
            dataset.setBytes(0x00283006, VR.US, lut);
            Element back = read(write(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).dataset().get(0x00283006);

            assertThat(back.vr()).isEqualTo(VR.UN);
            assertThat(back.bytes()).isEqualTo(lut);
        }

        @Test
        void shouldKeepAShortLengthValueOver64KiBInImplicitVr() throws IOException {
            Attributes dataset = minimal();
            dataset.setBytes(0x00181310, VR.US, new byte[70_000]); // Acquisition Matrix: US in the dictionary
            Element back = read(write(dataset, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)).dataset().get(0x00181310);

            assertThat(back.vr()).isEqualTo(VR.US);
            assertThat(back.bytes()).hasSize(70_000);
        }

        @Test
        void shouldRejectAShortLengthValueOver64KiBInBigEndian() {
            Attributes dataset = minimal();
            dataset.setBytes(0x00283006, VR.US, new byte[70_000]);

            assertThatThrownBy(() -> write(dataset, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("(0028,3006)").hasMessageContaining("16-bit length");
        }
    }

    @Nested
    class Sequences {

        @Test
        void shouldWriteSequencesAndItemsWithUndefinedLengthAndDelimiters() throws IOException {
            Attributes dataset = minimal();
            Attributes item = new Attributes();
            item.setString(0x00081150, VR.UI, SOP_CLASS);
            dataset.setSequence(0x00081140, List.of(item));
            byte[] file = write(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

            assertThat(indexOf(file, new byte[] {8, 0, 0x40, 0x11, 'S', 'Q', 0, 0, -1, -1, -1, -1,
                    (byte) 0xFE, (byte) 0xFF, 0, (byte) 0xE0, -1, -1, -1, -1})).isPositive();
            assertThat(indexOf(file, new byte[] {(byte) 0xFE, (byte) 0xFF, 0x0D, (byte) 0xE0, 0, 0, 0, 0,
                    (byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0})).isPositive();
            Attributes back = read(file).dataset();
            assertThat(back.getSequence(0x00081140)).hasSize(1);
            assertThat(back.getSequence(0x00081140).get(0).getString(0x00081150)).isEqualTo(SOP_CLASS);
        }

        @Test
        void shouldSkipGroupLengthsAndKeepPrivateElements() throws IOException {
            Attributes dataset = minimal();
            dataset.setInts(0x00080000, VR.UL, 123);
            dataset.setString(0x00290010, VR.LO, "ACME");
            dataset.setString(0x00291001, VR.LO, "secret sauce");
            Attributes back = read(write(dataset, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)).dataset();

            assertThat(back.contains(0x00080000)).isFalse();
            assertThat(back.getString(0x00290010)).isEqualTo("ACME");
            assertThat(back.getBytes(0x00291001)).isEqualTo("secret sauce".getBytes(StandardCharsets.US_ASCII));
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
