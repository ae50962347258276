package org.ahibridge.dicom;

import static org.ahibridge.dicom.DicomWriterTest.minimal;
import static org.ahibridge.dicom.DicomWriterTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Native and encapsulated Pixel Data, from the model and streamed (PS3.5 §A.4, §8.2). */
class DicomWriterPixelDataTest {

    private static final String JPEG_LS = TransferSyntax.JPEG_LS_LOSSLESS;

    @Test
    void shouldWriteABasicOffsetTableWithOneOffsetPerFrameAndPadOddFragments() throws IOException {
        byte[][] frames = {bytes(5, 1), bytes(10, 2), bytes(7, 3)};
        long[] offsets = FragmentSink.offsetTable(5, 10, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter writer = new DicomWriter(out, JPEG_LS);
        writer.writeHeader(FileMetaInformation.of(minimal(), JPEG_LS));
        writer.writeDataset(minimal());
        FragmentSink sink = writer.startEncapsulatedPixelData(offsets);
        for (byte[] frame : frames) {
            sink.writeFragment(frame);
        }
        sink.finish();
        writer.finish();

        assertThat(offsets).containsExactly(0, 14, 32);
        Element pixels = read(out.toByteArray()).dataset().get(Tags.PIXEL_DATA);
        assertThat(pixels.vr()).isEqualTo(VR.OB);
        assertThat(pixels.fragments()).hasSize(4);
        ByteBuffer table = ByteBuffer.wrap(pixels.fragments().get(0)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new int[] {table.getInt(), table.getInt(), table.getInt()}).containsExactly(0, 14, 32);
        assertThat(pixels.fragments().get(1)).containsExactly(1, 1, 1, 1, 1, 0);
        assertThat(pixels.fragments().get(2)).isEqualTo(frames[1]);
    }

    @Test
    void shouldStreamAThousandFramesWithAnEmptyOffsetTable() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter writer = new DicomWriter(out, JPEG_LS);
        writer.writeHeader(FileMetaInformation.of(minimal(), JPEG_LS));
        writer.writeDataset(minimal());
        FragmentSink sink = writer.startEncapsulatedPixelData();
        for (int frame = 0; frame < 1000; frame++) {
            sink.writeFragment(new ByteArrayInputStream(bytes(64, frame)), 64);
        }
        sink.finish();
        writer.finish();

        List<byte[]> fragments = read(out.toByteArray()).dataset().get(Tags.PIXEL_DATA).fragments();
        assertThat(fragments).hasSize(1001);
        assertThat(fragments.get(0)).isEmpty();
        assertThat(fragments.get(1000)).isEqualTo(bytes(64, 999));
    }

    @Test
    void shouldWriteEncapsulatedPixelDataFromTheModel() throws IOException {
        Attributes dataset = minimal();
        dataset.put(Element.ofFragments(Tags.PIXEL_DATA, VR.OB, List.of(new byte[0], bytes(6, 4))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(out, dataset, JPEG_LS);

        Element back = read(out.toByteArray()).dataset().get(Tags.PIXEL_DATA);
        assertThat(back.fragments()).hasSize(2);
        assertThat(back.fragments().get(1)).isEqualTo(bytes(6, 4));
    }

    @Test
    void shouldStreamNativePixelDataSwappingWordsForBigEndian() throws IOException {
        byte[] pixels = {1, 2, 3, 4, 5, 6};
        String syntax = TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter writer = new DicomWriter(out, syntax);
        writer.writeHeader(FileMetaInformation.of(minimal(), syntax));
        Attributes dataset = minimal();
        dataset.setInts(Tags.BITS_ALLOCATED, VR.US, 16);
        writer.writeDataset(dataset);
        writer.writePixelData(VR.OW, pixels.length, new ByteArrayInputStream(pixels));
        Attributes trailer = new Attributes();
        trailer.setBytes(0xFFFCFFFC, VR.OB, new byte[2]); // Data Set Trailing Padding, after Pixel Data
        writer.writeDataset(trailer);
        writer.finish();
        byte[] file = out.toByteArray();

        assertThat(DicomWriterTest.indexOf(file, new byte[] {'O', 'W', 0, 0, 0, 0, 0, 6, 2, 1, 4, 3, 6, 5}))
                .isPositive();
        assertThat(read(file).dataset().getBytes(Tags.PIXEL_DATA)).isEqualTo(pixels);
    }

    @Test
    void shouldStreamALargeMultiFrameValueThroughAFixedBuffer() throws IOException {
        long frameSize = 512 * 512 * 2;
        long length = frameSize * 1000;
        CountingSink sink = new CountingSink();
        DicomWriter writer = new DicomWriter(sink, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        writer.writeHeader(FileMetaInformation.of(minimal(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        writer.writeDataset(minimal());
        long before = sink.count;
        writer.writePixelData(VR.OW, length, new PatternStream(length));
        writer.finish();

        assertThat(sink.count - before).isEqualTo(12 + length);
    }

    @Test
    void shouldFailWhenThePixelStreamEndsEarly() throws IOException {
        DicomWriter writer = new DicomWriter(OutputStream.nullOutputStream(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        writer.writeHeader(FileMetaInformation.of(minimal(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));

        assertThatThrownBy(() -> writer.writePixelData(VR.OW, 10, new ByteArrayInputStream(new byte[4])))
                .isInstanceOf(IOException.class).hasMessageContaining("after 4 of 10");
    }

    @Test
    void shouldRejectEncapsulatedPixelDataInANativeSyntaxAndTheReverse() throws IOException {
        Attributes encapsulated = minimal();
        encapsulated.put(Element.ofFragments(Tags.PIXEL_DATA, VR.OB, List.of(new byte[0], new byte[2])));
        Attributes nativePixels = minimal();
        nativePixels.setBytes(Tags.PIXEL_DATA, VR.OW, new byte[2]);

        assertThatThrownBy(() -> DicomWriter.write(OutputStream.nullOutputStream(), encapsulated,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decompress");
        assertThatThrownBy(() -> DicomWriter.write(OutputStream.nullOutputStream(), nativePixels, JPEG_LS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encapsulated");
    }

    @Test
    void shouldRefuseElementsOutOfTagOrderAndWritesWhileFragmentsAreOpen() throws IOException {
        DicomWriter writer = new DicomWriter(OutputStream.nullOutputStream(), JPEG_LS);
        writer.writeHeader(FileMetaInformation.of(minimal(), JPEG_LS));
        writer.writeDataset(minimal());
        FragmentSink sink = writer.startEncapsulatedPixelData();

        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FragmentSink");
        sink.finish();
        assertThatThrownBy(() -> writer.writeDataset(minimal())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ascending tag order");
    }

    @Test
    void shouldRejectOffsetsBeyond32Bits() {
        assertThatThrownBy(() -> FragmentSink.offsetTable(0xFFFFFFF0L, 100, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty table");
    }

    private static byte[] bytes(int length, int fill) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    /** Counts bytes without keeping them. */
    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }

    /** A stream of {@code length} generated bytes, read in whatever chunks the reader asks for. */
    private static final class PatternStream extends InputStream {
        private long left;

        PatternStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? (int) (left & 0x7F) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            left -= n;
            return n;
        }
    }
}
