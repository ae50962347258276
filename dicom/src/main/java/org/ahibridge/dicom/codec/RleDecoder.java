package org.ahibridge.dicom.codec;

/**
 * Decodes one frame of RLE Lossless (transfer syntax 1.2.840.10008.1.2.5, PS3.5 Annex G) to a native
 * frame. The frame starts with a 64-byte header: the number of segments and up to 15 segment offsets
 * (32-bit little endian). Each segment holds one byte of every sample of one component, most significant
 * byte first (G.2), PackBits-coded (G.3.1: a count n of 0..127 copies the next n+1 bytes, -1..-127
 * repeats the next byte 1-n times, -128 does nothing). Bits Allocated 8 and 16 are decoded, one to three
 * components, into the layout's Planar Configuration.
 */
public final class RleDecoder {

    private static final int HEADER_BYTES = 64;

    private RleDecoder() {
    }

    public static byte[] decode(byte[] frame, FrameLayout layout) throws CodecException {
        String unsupported = layout.unsupportedReason();
        if (unsupported != null) {
            throw new CodecException("unsupported pixel layout: " + unsupported);
        }
        int bytesPerSample = layout.bitsAllocated() / 8;
        int components = layout.samplesPerPixel();
        int segments = components * bytesPerSample;
        if (frame.length < HEADER_BYTES) {
            throw new CodecException("the RLE frame has " + frame.length + " bytes, fewer than its 64-byte header");
        }
        long declared = u32(frame, 0);
        if (declared != segments) {
            throw new CodecException("the RLE header declares " + declared + " segments, the layout needs " + segments);
        }
        int pixels = layout.rows() * layout.columns();
        byte[] out = new byte[pixels * segments];
        byte[] segment = new byte[pixels];
        for (int s = 0; s < segments; s++) {
            long start = u32(frame, 4 + 4 * s);
            long end = s + 1 < segments ? u32(frame, 8 + 4 * s) : frame.length;
            if (start < HEADER_BYTES || end > frame.length || start > end) {
                throw new CodecException("RLE segment " + (s + 1) + " lies at bytes " + start + ".." + end
                        + " of a " + frame.length + "-byte frame");
            }
            unpack(frame, (int) start, (int) end, segment, s + 1);
            int component = s / bytesPerSample;
            int significance = bytesPerSample - 1 - s % bytesPerSample; // 0: the least significant byte
            for (int p = 0; p < pixels; p++) {
                int sample = layout.planar() ? component * pixels + p : p * components + component;
                out[sample * bytesPerSample + significance] = segment[p];
            }
        }
        return out;
    }

    /** PackBits of {@code data[start..end)} into {@code target}, which it must fill exactly (a trailing pad byte may remain). */
    private static void unpack(byte[] data, int start, int end, byte[] target, int number) throws CodecException {
        int in = start;
        int out = 0;
        while (out < target.length) {
            if (in >= end) {
                throw new CodecException("RLE segment " + number + " ends after " + out + " of its " + target.length
                        + " bytes");
            }
            int n = data[in++];
            if (n >= 0) {
                if (in + n + 1 > end || out + n + 1 > target.length) {
                    throw new CodecException("RLE segment " + number + " copies past its end");
                }
                System.arraycopy(data, in, target, out, n + 1);
                in += n + 1;
                out += n + 1;
            } else if (n != -128) {
                if (in >= end || out + 1 - n > target.length) {
                    throw new CodecException("RLE segment " + number + " repeats past its end");
                }
                java.util.Arrays.fill(target, out, out + 1 - n, data[in++]);
                out += 1 - n;
            }
        }
    }

    private static long u32(byte[] data, int offset) {
        return (data[offset] & 0xFFL) | (data[offset + 1] & 0xFFL) << 8 | (data[offset + 2] & 0xFFL) << 16
                | (data[offset + 3] & 0xFFL) << 24;
    }
}
