package org.ahibridge.emulator.ahi.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    /** 1 row x 2 columns, 16 bits, {@code frames} frames. */
    private static Attributes image(int frames) {
        return new Attributes().setInts(Tags.ROWS, VR.US, 1).setInts(Tags.COLUMNS, VR.US, 2)
                .setInts(Tags.BITS_ALLOCATED, VR.US, 16).setInts(Tags.SAMPLES_PER_PIXEL, VR.US, 1)
                .setString(Tags.NUMBER_OF_FRAMES, VR.IS, Integer.toString(frames));
    }
}
