package org.ahibridge.emulator.ahi.imports;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;

/**
 * Cuts Pixel Data into frames as stored (PS3.5 §A.4, §8.1.1). Encapsulated: one frame per fragment
 * when the counts match, all fragments when there is one frame, else fragments grouped by the Basic
 * (or Extended) Offset Table. Native: as {@link NativeFrameGeometry} lays the frames out (sub-sampled
 * YBR_*_422, frames of 1-bit pixels packed across byte boundaries).
 */
final class FrameSplitter {

    /** Pixel Data that cannot be cut into its frames. */
    static final class FrameException extends Exception {
        FrameException(String message) {
            super(message);
        }
    }

    private FrameSplitter() {
    }

    static List<byte[]> split(Attributes dataset) throws FrameException {
        Element pixels = dataset.get(Tags.PIXEL_DATA);
        if (pixels == null) {
            pixels = dataset.get(Tags.FLOAT_PIXEL_DATA) != null ? dataset.get(Tags.FLOAT_PIXEL_DATA)
                    : dataset.get(Tags.DOUBLE_FLOAT_PIXEL_DATA);
        }
        if (pixels == null) {
            return List.of();
        }
        int frames = frameCount(dataset);
        return pixels.isEncapsulated() ? encapsulated(pixels.fragments(), frames, dataset)
                : nativeFrames(pixels.bytes(), frames, dataset);
    }

    /**
     * True when encapsulated Pixel Data has a Basic Offset Table that does not point at the start of a
     * fragment for each frame (the case AHI imports with warning 45330 InvalidOffsetTable, docs/aws-healthimaging.md
     * §6).
     */
    static boolean invalidOffsetTable(Attributes dataset) {
        Element pixels = dataset.get(Tags.PIXEL_DATA);
        if (pixels == null || !pixels.isEncapsulated()) {
            return false;
        }
        List<byte[]> data = pixels.fragments().subList(1, pixels.fragments().size());
        return invalidOffsetTable(pixels.fragments().get(0), lengths(data), frameCount(dataset));
    }

    /** {@link #invalidOffsetTable(Attributes)} from the table and the data fragments' lengths. */
    static boolean invalidOffsetTable(byte[] basicTable, long[] fragmentLengths, int frames) {
        if (basicTable.length == 0) {
            return false;
        }
        long[] offsets = offsets(basicTable, null, frames);
        if (offsets == null) {
            return true;
        }
        java.util.Set<Long> starts = new java.util.HashSet<>();
        long position = 0;
        for (long length : fragmentLengths) {
            starts.add(position);
            position += 8 + length;
        }
        for (int i = 0; i < frames; i++) {
            if (!starts.contains(offsets[i]) || (i > 0 && offsets[i] <= offsets[i - 1]) || (i == 0 && offsets[i] != 0)) {
                return true;
            }
        }
        return false;
    }

    static int frameCount(Attributes dataset) {
        return Math.max(1, dataset.getInt(Tags.NUMBER_OF_FRAMES, 1));
    }

    private static List<byte[]> encapsulated(List<byte[]> fragments, int frames, Attributes dataset)
            throws FrameException {
        List<byte[]> data = fragments.subList(1, fragments.size());
        int[] starts = frameStarts(lengths(data), fragments.get(0), dataset.getBytes(Tags.EXTENDED_OFFSET_TABLE),
                frames);
        List<byte[]> result = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            int end = i + 1 < frames ? starts[i + 1] : data.size();
            result.add(end - starts[i] == 1 ? data.get(starts[i]) : concat(data.subList(starts[i], end)));
        }
        return result;
    }

    /**
     * Which data fragments (the Basic Offset Table item excluded) make each frame, as the index of each
     * frame's first fragment: one fragment per frame when the counts match, all fragments when there is
     * one frame, else grouped by the Extended or Basic Offset Table. Works from lengths alone, so a
     * streaming reader can plan the frames before it reads a fragment's bytes.
     */
    static int[] frameStarts(long[] fragmentLengths, byte[] basicTable, byte[] extendedTable, int frames)
            throws FrameException {
        int count = fragmentLengths.length;
        if (count == 0) {
            throw new FrameException("Pixel Data has no fragments");
        }
        if (count == frames || frames == 1) {
            int[] starts = new int[frames];
            Arrays.setAll(starts, i -> i);
            return starts;
        }
        long[] offsets = offsets(basicTable, extendedTable, frames);
        if (offsets == null) {
            throw new FrameException("Pixel Data has " + count + " fragments for " + frames
                    + " frames and no offset table to group them");
        }
        int[] starts = new int[frames];
        int next = 0;
        long position = 0;
        for (int f = 0; f < count; f++) {
            if (next < frames && position == offsets[next]) {
                starts[next++] = f;
            } else if (f == 0) {
                throw new FrameException("The offset table does not start at the first fragment");
            }
            position += 8 + fragmentLengths[f];
        }
        if (next != frames) {
            throw new FrameException("The offset table does not match the fragments");
        }
        return starts;
    }

    private static long[] lengths(List<byte[]> fragments) {
        long[] lengths = new long[fragments.size()];
        Arrays.setAll(lengths, i -> fragments.get(i).length);
        return lengths;
    }

    private static long[] offsets(byte[] basic, byte[] extended, int frames) {
        if (extended != null && extended.length == frames * 8) {
            ByteBuffer buffer = ByteBuffer.wrap(extended).order(ByteOrder.LITTLE_ENDIAN);
            long[] offsets = new long[frames];
            Arrays.setAll(offsets, i -> buffer.getLong(i * 8));
            return offsets;
        }
        if (basic != null && basic.length == frames * 4) {
            ByteBuffer buffer = ByteBuffer.wrap(basic).order(ByteOrder.LITTLE_ENDIAN);
            long[] offsets = new long[frames];
            Arrays.setAll(offsets, i -> buffer.getInt(i * 4) & 0xFFFFFFFFL);
            return offsets;
        }
        return null;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static List<byte[]> nativeFrames(byte[] bytes, int frames, Attributes dataset) throws FrameException {
        NativeFrameGeometry geometry = NativeFrameGeometry.of(dataset, frames, bytes.length);
        List<byte[]> result = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            result.add(geometry.frame(bytes, i));
        }
        return result;
    }
}
