package org.ahibridge.emulator.ahi.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

class FrameSplitterTest {

    @Test
    void shouldGroupFragmentsIntoFramesWithTheBasicOffsetTable() throws Exception {
        byte[] a = {1, 2};
        byte[] b = {3, 4, 5, 6};
        byte[] c = {7, 8};
        // Frame 1 = fragments a+b (8+2 + 8+4 = 22 bytes of items), frame 2 = c.
        byte[] table = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(22).array();
        Attributes dataset = image(2).put(Element.ofFragments(Tags.PIXEL_DATA, VR.OB, List.of(table, a, b, c)));
        assertThat(FrameSplitter.split(dataset)).containsExactly(new byte[] {1, 2, 3, 4, 5, 6}, new byte[] {7, 8});
    }

    @Test
    void shouldTakeOneFragmentPerFrameOrAllFragmentsForOneFrame() throws Exception {
        List<byte[]> fragments = List.of(new byte[0], new byte[] {1}, new byte[] {2});
        assertThat(FrameSplitter.split(image(2).put(Element.ofFragments(Tags.PIXEL_DATA, VR.OB, fragments))))
                .containsExactly(new byte[] {1}, new byte[] {2});
        assertThat(FrameSplitter.split(image(1).put(Element.ofFragments(Tags.PIXEL_DATA, VR.OB, fragments))))
                .containsExactly(new byte[] {1, 2});
    }

    @Test
    void shouldRefuseFragmentsItCannotAssignToFrames() {
        List<byte[]> fragments = List.of(new byte[0], new byte[] {1}, new byte[] {2}, new byte[] {3});
        assertThatThrownBy(() -> FrameSplitter.split(image(2).put(Element.ofFragments(Tags.PIXEL_DATA, VR.OB, fragments))))
                .hasMessageContaining("no offset table");
    }

    @Test
    void shouldCutNativePixelDataIntoEqualFramesAndReportShortData() throws Exception {
        Attributes dataset = image(2).setBytes(Tags.PIXEL_DATA, VR.OW, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThat(FrameSplitter.split(dataset)).containsExactly(new byte[] {1, 2, 3, 4}, new byte[] {5, 6, 7, 8});
        Attributes shortData = image(3).setBytes(Tags.PIXEL_DATA, VR.OW, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> FrameSplitter.split(shortData)).hasMessageContaining("fewer than the 12");
    }

    @Test
    void shouldTellAValidOffsetTableFromOneThatPointsInsideAFragment() {
        byte[] valid = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(10).array();
        byte[] invalid = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(4).array();
        List<byte[]> frames = List.of(new byte[] {1, 2}, new byte[] {3, 4});
        assertThat(FrameSplitter.invalidOffsetTable(image(2).put(Element.ofFragments(Tags.PIXEL_DATA, VR.OB,
                List.of(valid, frames.get(0), frames.get(1)))))).isFalse();
        assertThat(FrameSplitter.invalidOffsetTable(image(2).put(Element.ofFragments(Tags.PIXEL_DATA, VR.OB,
                List.of(invalid, frames.get(0), frames.get(1)))))).isTrue();
        assertThat(FrameSplitter.invalidOffsetTable(image(2).put(Element.ofFragments(Tags.PIXEL_DATA, VR.OB,
                List.of(new byte[0], frames.get(0), frames.get(1)))))).as("an empty table is allowed").isFalse();
    }

    @Test
    void shouldCutYbrFull422FramesOfTwoSamplesPerPixel() throws Exception {
        // 2 rows x 4 columns: per pair of pixels Y Y Cb Cr, so 16 bytes a frame, not 24.
        byte[] pixels = new byte[32];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        Attributes dataset = colour("YBR_FULL_422", 2, 4, 2).setBytes(Tags.PIXEL_DATA, VR.OB, pixels);
        assertThat(FrameSplitter.split(dataset)).containsExactly(Arrays.copyOfRange(pixels, 0, 16),
                Arrays.copyOfRange(pixels, 16, 32));
        Attributes full = colour("YBR_FULL", 2, 4, 2).setBytes(Tags.PIXEL_DATA, VR.OB, pixels);
        assertThatThrownBy(() -> FrameSplitter.split(full)).hasMessageContaining("fewer than the 48");
    }

    @Test
    void shouldRefuseNativeYbrPartial420WithTheReason() {
        Attributes dataset = colour("YBR_PARTIAL_420", 2, 2, 1).setBytes(Tags.PIXEL_DATA, VR.OB, new byte[12]);
        assertThatThrownBy(() -> FrameSplitter.split(dataset))
                .hasMessageContaining("YBR_PARTIAL_420 is only allowed for encapsulated");
    }

    @Test
    void shouldCutPackedOneBitFramesBitExactlyAcrossByteBoundaries() throws Exception {
        // 3 x 5 bits = 15 bits a frame: frame 2 starts at bit 7 of byte 1.
        byte[] pixels = {(byte) 0b1010_1100, (byte) 0b0111_0001, (byte) 0b1100_1011, (byte) 0b0000_0010};
        Attributes dataset = bits(3, 5, 2).setBytes(Tags.PIXEL_DATA, VR.OB, pixels);
        assertThat(FrameSplitter.split(dataset)).containsExactly(bitFrame(pixels, 0, 15), bitFrame(pixels, 15, 15));
        assertThat(FrameSplitter.split(dataset).get(1)).containsExactly(0b1001_0110, 0b0000_0101);
    }

    @Test
    void shouldAcceptPackedFramesThatNeedFewerBytesThanWholeBytesPerFrame() throws Exception {
        // 8 frames of 3 x 3 bits = 72 bits = 9 bytes (8 frames of 2 whole bytes would need 16).
        byte[] pixels = new byte[10];
        new java.util.Random(5).nextBytes(pixels);
        Attributes dataset = bits(3, 3, 8).setBytes(Tags.PIXEL_DATA, VR.OB, pixels);
        List<byte[]> frames = FrameSplitter.split(dataset);
        assertThat(frames).hasSize(8);
        for (int f = 0; f < 8; f++) {
            assertThat(frames.get(f)).as("frame %d", f + 1).isEqualTo(bitFrame(pixels, f * 9, 9));
        }
        Attributes tooShort = bits(3, 3, 9).setBytes(Tags.PIXEL_DATA, VR.OB, Arrays.copyOf(pixels, 10));
        assertThatThrownBy(() -> FrameSplitter.split(tooShort)).hasMessageContaining("fewer than the 11");
    }

    /** {@code count} bits from bit {@code start}, bit by bit, as a frame starting at bit 0. */
    private static byte[] bitFrame(byte[] pixels, int start, int count) {
        byte[] frame = new byte[(count + 7) / 8];
        for (int b = 0; b < count; b++) {
            int bit = start + b;
            if ((pixels[bit / 8] >> (bit % 8) & 1) != 0) {
                frame[b / 8] |= (byte) (1 << (b % 8));
            }
        }
        return frame;
    }

    private static Attributes colour(String photometric, int rows, int columns, int frames) {
        return new Attributes().setInts(Tags.ROWS, VR.US, rows).setInts(Tags.COLUMNS, VR.US, columns)
                .setInts(Tags.BITS_ALLOCATED, VR.US, 8).setInts(Tags.SAMPLES_PER_PIXEL, VR.US, 3)
                .setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, photometric)
                .setString(Tags.NUMBER_OF_FRAMES, VR.IS, Integer.toString(frames));
    }

    private static Attributes bits(int rows, int columns, int frames) {
        return new Attributes().setInts(Tags.ROWS, VR.US, rows).setInts(Tags.COLUMNS, VR.US, columns)
                .setInts(Tags.BITS_ALLOCATED, VR.US, 1).setInts(Tags.SAMPLES_PER_PIXEL, VR.US, 1)
                .setString(Tags.NUMBER_OF_FRAMES, VR.IS, Integer.toString(frames));
    }

    /** 1 row x 2 columns, 16 bits, {@code frames} frames. */
    private static Attributes image(int frames) {
        return new Attributes().setInts(Tags.ROWS, VR.US, 1).setInts(Tags.COLUMNS, VR.US, 2)
                .setInts(Tags.BITS_ALLOCATED, VR.US, 16).setInts(Tags.SAMPLES_PER_PIXEL, VR.US, 1)
                .setString(Tags.NUMBER_OF_FRAMES, VR.IS, Integer.toString(frames));
    }
}
