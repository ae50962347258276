package org.ahibridge.dicom.codec;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Converts a native frame (little endian, interleaved or colour-by-plane) to one array of sample values
 * per component and back. Values are read as the container holds them: signed layouts as two's
 * complement of Bits Allocated, so a value with bits above Bits Stored (an overlay, a missing sign
 * extension) is kept and {@link #precision} widens the coded precision to keep it too. Writing back
 * truncates each value to Bits Allocated, which restores the source bytes exactly.
 */
public final class NativeSamples {

    private NativeSamples() {
    }

    /** The frame's samples, one array per component in raster order. */
    public static int[][] planes(byte[] frame, FrameLayout layout) throws CodecException {
        requireSupported(layout);
        int pixels = layout.rows() * layout.columns();
        int components = layout.samplesPerPixel();
        int bytes = layout.bitsAllocated() / 8;
        if (frame.length < (long) pixels * components * bytes) {
            throw new CodecException("the frame has " + frame.length + " bytes, fewer than the "
                    + (long) pixels * components * bytes + " its layout needs");
        }
        int[][] planes = new int[components][pixels];
        for (int c = 0; c < components; c++) {
            for (int p = 0; p < pixels; p++) {
                int index = layout.planar() ? c * pixels + p : p * components + c;
                planes[c][p] = read(frame, index * bytes, bytes, layout.signed());
            }
        }
        return planes;
    }

    /** The native frame holding these samples, in the layout's byte order and planar configuration. */
    public static byte[] frame(int[][] planes, FrameLayout layout) throws CodecException {
        requireSupported(layout);
        int pixels = layout.rows() * layout.columns();
        int components = layout.samplesPerPixel();
        if (planes.length != components) {
            throw new CodecException("the image has " + planes.length + " components, the layout "
                    + components + " samples per pixel");
        }
        int bytes = layout.bitsAllocated() / 8;
        byte[] frame = new byte[pixels * components * bytes];
        for (int c = 0; c < components; c++) {
            if (planes[c].length != pixels) {
                throw new CodecException("component " + c + " has " + planes[c].length + " samples, the layout "
                        + pixels);
            }
            for (int p = 0; p < pixels; p++) {
                int offset = (layout.planar() ? c * pixels + p : p * components + c) * bytes;
                frame[offset] = (byte) planes[c][p];
                if (bytes == 2) {
                    frame[offset + 1] = (byte) (planes[c][p] >> 8);
                }
            }
        }
        return frame;
    }

    /**
     * The precision to code the samples with: Bits Stored when every value fits it (signed or not as the
     * layout says), else Bits Allocated, so that no bit of the container is lost.
     */
    public static int precision(int[][] planes, FrameLayout layout) {
        int bits = layout.bitsStored();
        long min = layout.signed() ? -(1L << (bits - 1)) : 0;
        long max = layout.signed() ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        for (int[] plane : planes) {
            for (int value : plane) {
                if (value < min || value > max) {
                    return layout.bitsAllocated();
                }
            }
        }
        return bits;
    }

    /**
     * {@link #precision(int[][], FrameLayout)} read straight from the frame's bytes, without an array of
     * samples: the encoders use this so that a large frame is not held twice over as ints.
     */
    public static int precision(byte[] frame, FrameLayout layout) throws CodecException {
        requireSupported(layout);
        requireLength(frame, layout);
        int bits = layout.bitsStored();
        long min = layout.signed() ? -(1L << (bits - 1)) : 0;
        long max = layout.signed() ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        int bytes = layout.bitsAllocated() / 8;
        long samples = layout.samples();
        for (long i = 0; i < samples; i++) {
            int value = read(frame, (int) (i * bytes), bytes, layout.signed());
            if (value < min || value > max) {
                return layout.bitsAllocated();
            }
        }
        return bits;
    }

    /**
     * Writes the frame's samples component after component (what a raw planar codec input is), each in
     * 1 byte up to 8 bits of {@code precision}, else 2 little endian; signed samples as two's complement,
     * or offset by 2^(precision-1) into unsigned ones when {@code offsetSigned}.
     */
    public static void writePlanar(byte[] frame, FrameLayout layout, int precision, boolean offsetSigned,
            OutputStream out) throws CodecException, IOException {
        requireSupported(layout);
        requireLength(frame, layout);
        int pixels = layout.rows() * layout.columns();
        int components = layout.samplesPerPixel();
        int bytes = layout.bitsAllocated() / 8;
        int offset = offsetSigned && layout.signed() ? 1 << (precision - 1) : 0;
        boolean wide = precision > 8;
        for (int c = 0; c < components; c++) {
            for (int p = 0; p < pixels; p++) {
                int index = layout.planar() ? c * pixels + p : p * components + c;
                int value = read(frame, index * bytes, bytes, layout.signed()) + offset;
                out.write(value);
                if (wide) {
                    out.write(value >> 8);
                }
            }
        }
    }

    /**
     * Writes the frame's samples pixel after pixel, interleaved, 1 byte up to 8 bits of {@code precision},
     * else 2 big endian: the samples of a binary PPM file. Unsigned layouts only.
     */
    public static void writeInterleavedBigEndian(byte[] frame, FrameLayout layout, int precision, OutputStream out)
            throws CodecException, IOException {
        requireSupported(layout);
        requireLength(frame, layout);
        int pixels = layout.rows() * layout.columns();
        int components = layout.samplesPerPixel();
        int bytes = layout.bitsAllocated() / 8;
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < components; c++) {
                int index = layout.planar() ? c * pixels + p : p * components + c;
                int value = read(frame, index * bytes, bytes, false);
                if (precision > 8) {
                    out.write(value >> 8);
                }
                out.write(value);
            }
        }
    }

    private static void requireLength(byte[] frame, FrameLayout layout) throws CodecException {
        if (frame.length < layout.frameBytes()) {
            throw new CodecException("the frame has " + frame.length + " bytes, fewer than the " + layout.frameBytes()
                    + " its layout needs");
        }
    }

    private static int read(byte[] frame, int offset, int bytes, boolean signed) {
        if (bytes == 1) {
            return signed ? frame[offset] : frame[offset] & 0xFF;
        }
        int value = (frame[offset] & 0xFF) | ((frame[offset + 1] & 0xFF) << 8);
        return signed ? (short) value : value;
    }

    private static void requireSupported(FrameLayout layout) throws CodecException {
        String reason = layout.unsupportedReason();
        if (reason != null) {
            throw new CodecException("unsupported pixel layout: " + reason);
        }
    }
}
