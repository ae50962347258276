package org.ahibridge.emulator.ahi.imports;

import java.util.Arrays;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;

/**
 * Where each frame of native Pixel Data lies. Frames follow one another without padding (PS3.5 §8.1.1,
 * PS3.3 C.7.6.3.1.4 for multi-frame), each {@code Rows x Columns x samples x Bits Allocated} bits:
 *
 * <ul>
 * <li>samples are Samples per Pixel, except for YBR_FULL_422 and the retired YBR_PARTIAL_422, whose two
 * chrominance samples are shared by two horizontally adjacent pixels (Y Y Cb Cr), i.e. 2 per pixel
 * (PS3.3 C.7.6.3.1.2);</li>
 * <li>with Bits Allocated 1 the bits are packed continuously, the first pixel in the least significant bit
 * (PS3.5 §8.1.1), so a frame of, say, 3 x 3 bits starts inside a byte. A stored frame is re-aligned to
 * start at bit 0 of its first byte, bit for bit, the unused bits of its last byte zero.</li>
 * </ul>
 *
 * YBR_PARTIAL_420 is refused: PS3.3 C.7.6.3.1.2 allows it for encapsulated (compressed) Pixel Data
 * only, so no native layout of it exists to cut.
 *
 * @param frameBits bits of one frame in Pixel Data
 * @param frames    the frame count (Number of Frames, at least 1)
 */
record NativeFrameGeometry(long frameBits, int frames) {

    /** The geometry the data set describes, checked against the length of its Pixel Data. */
    static NativeFrameGeometry of(Attributes dataset, int frames, long pixelDataLength)
            throws FrameSplitter.FrameException {
        long rows = dataset.getInt(Tags.ROWS, 0);
        long columns = dataset.getInt(Tags.COLUMNS, 0);
        long samples = dataset.getInt(Tags.SAMPLES_PER_PIXEL, 1);
        long bits = dataset.getInt(Tags.BITS_ALLOCATED, 0);
        if (rows <= 0 || columns <= 0 || bits <= 0) {
            throw new FrameSplitter.FrameException("Rows, Columns and Bits Allocated are required for native Pixel Data");
        }
        String photometric = dataset.getString(Tags.PHOTOMETRIC_INTERPRETATION);
        photometric = photometric == null ? "" : photometric.strip();
        if (photometric.equals("YBR_PARTIAL_420")) {
            throw new FrameSplitter.FrameException("Photometric Interpretation YBR_PARTIAL_420 is only allowed for "
                    + "encapsulated (compressed) Pixel Data (PS3.3 C.7.6.3.1.2), not for native Pixel Data");
        }
        if (samples == 3 && (photometric.equals("YBR_FULL_422") || photometric.equals("YBR_PARTIAL_422"))) {
            samples = 2;
        }
        NativeFrameGeometry geometry = new NativeFrameGeometry(rows * columns * samples * bits, frames);
        long needed = geometry.pixelDataBytes();
        if (needed > pixelDataLength) {
            throw new FrameSplitter.FrameException("Pixel Data has " + pixelDataLength + " bytes, fewer than the "
                    + needed + " its " + frames + " frame(s) need");
        }
        return geometry;
    }

    /** Bytes of one stored frame: its bits rounded up to whole bytes. */
    long frameBytes() {
        return (frameBits + 7) / 8;
    }

    /** Bytes of Pixel Data the frames occupy, the last one's partial byte included. */
    long pixelDataBytes() {
        return (frameBits * frames + 7) / 8;
    }

    /** The first bit of frame {@code index} in Pixel Data. */
    long startBit(int index) {
        return frameBits * index;
    }

    /** Frame {@code index} cut out of the whole Pixel Data value. */
    byte[] frame(byte[] pixelData, int index) {
        return bits(pixelData, startBit(index), frameBits);
    }

    /**
     * {@code count} bits of {@code source} from bit {@code start} (bit 0 the least significant of byte 0),
     * as bytes whose bit 0 is the first of them; the last byte's unused bits are zero.
     */
    static byte[] bits(byte[] source, long start, long count) {
        int bytes = (int) ((count + 7) / 8);
        int shift = (int) (start % 8);
        int first = (int) (start / 8);
        if (shift == 0) {
            byte[] out = Arrays.copyOfRange(source, first, first + bytes);
            clearUnusedBits(out, count);
            return out;
        }
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            int low = (source[first + i] & 0xFF) >>> shift;
            int high = first + i + 1 < source.length ? (source[first + i + 1] & 0xFF) << (8 - shift) : 0;
            out[i] = (byte) (low | high);
        }
        clearUnusedBits(out, count);
        return out;
    }

    private static void clearUnusedBits(byte[] out, long count) {
        int used = (int) (count % 8);
        if (used != 0) {
            out[out.length - 1] &= (byte) ((1 << used) - 1);
        }
    }
}
