package org.ahibridge.dicom.codec;

import java.io.ByteArrayOutputStream;

/**
 * Small, exact edits of a JPEG 2000 codestream's main header (ISO/IEC 15444-1 Annex A), made after an
 * encoder that cannot make them itself: the sign bit of each component's Ssiz, and a TLM marker segment
 * listing the tile-part lengths (which HTJ2K RPCL storage carries for partial decoding,
 * docs/aws-healthimaging.md §5.1). Every method checks the structure it walks and refuses a codestream
 * that does not have it.
 */
public final class Codestreams {

    static final int SOC = 0xFF4F;
    static final int SIZ = 0xFF51;
    static final int TLM = 0xFF55;
    static final int SOT = 0xFF90;
    static final int EOC = 0xFFD9;
    private static final int CSIZ_OFFSET = 40;

    private Codestreams() {
    }

    /** True for a JP2 file (signature box) rather than a bare codestream. */
    public static boolean isJp2(byte[] data) {
        return data.length >= 12 && u32(data, 0) == 12 && u32(data, 4) == 0x6A502020;
    }

    /** True when the bytes start like a codestream: SOC, then SIZ. */
    public static boolean isCodestream(byte[] data) {
        return data.length >= CSIZ_OFFSET + 2 && u16(data, 0) == SOC && u16(data, 2) == SIZ;
    }

    /**
     * The codestream with every component marked signed. A signed component's samples are coded as the
     * unsigned samples {@code value + 2^(precision-1)} are, because the encoder removes exactly that
     * offset from unsigned samples (the DC level shift, Annex G.1.2) and nothing else depends on the sign.
     * So an encoder that only takes unsigned input yields a signed codestream once its Ssiz bits are set.
     */
    public static byte[] markSigned(byte[] codestream) throws CodecException {
        requireCodestream(codestream);
        byte[] result = codestream.clone();
        int components = u16(result, CSIZ_OFFSET);
        if (CSIZ_OFFSET + 2 + 3 * components > 4 + u16(result, 4)) {
            throw new CodecException("the SIZ marker segment is shorter than its " + components + " components");
        }
        for (int c = 0; c < components; c++) {
            result[CSIZ_OFFSET + 2 + 3 * c] |= (byte) 0x80;
        }
        return result;
    }

    /**
     * The codestream with a TLM marker segment (Ztlm 0, 16-bit tile index, 32-bit length per tile-part)
     * just before the first tile-part; unchanged when its main header has one already.
     */
    public static byte[] withTlm(byte[] codestream) throws CodecException {
        requireCodestream(codestream);
        int position = 2;
        while (true) {
            if (position + 4 > codestream.length) {
                throw new CodecException("the main header ends without a tile-part (no SOT marker)");
            }
            int marker = u16(codestream, position);
            if (marker == TLM) {
                return codestream;
            }
            if (marker == SOT) {
                break;
            }
            if ((marker & 0xFF00) != 0xFF00) {
                throw new CodecException("expected a marker at byte " + position + " of the main header");
            }
            position += 2 + u16(codestream, position + 2);
        }
        int firstTilePart = position;
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        int count = 0;
        while (position + 12 <= codestream.length && u16(codestream, position) == SOT) {
            long length = u32(codestream, position + 6);
            if (length == 0) {
                // Psot 0: the last tile-part, running to the EOC marker (A.4.2).
                length = codestream.length - 2 - position;
            }
            if (length < 14 || position + length > codestream.length) {
                throw new CodecException("the tile-part at byte " + position + " has the impossible length " + length);
            }
            entries.write(codestream[position + 4]);
            entries.write(codestream[position + 5]);
            writeU32(entries, length);
            count++;
            position += (int) length;
        }
        if (count == 0 || 4 + 6 * count > 0xFFFF) {
            throw new CodecException("cannot list " + count + " tile-parts in one TLM marker segment");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(codestream.length + 6 + 6 * count);
        out.write(codestream, 0, firstTilePart);
        out.write(TLM >> 8);
        out.write(TLM & 0xFF);
        int segmentLength = 4 + 6 * count;
        out.write(segmentLength >> 8);
        out.write(segmentLength & 0xFF);
        out.write(0);    // Ztlm: the first TLM segment
        out.write(0x60); // Stlm: ST=2 (16-bit Ttlm), SP=1 (32-bit Ptlm)
        out.writeBytes(entries.toByteArray());
        out.write(codestream, firstTilePart, codestream.length - firstTilePart);
        return out.toByteArray();
    }

    private static void requireCodestream(byte[] data) throws CodecException {
        if (!isCodestream(data)) {
            throw new CodecException("not a JPEG 2000 codestream (no SOC and SIZ markers at its start)");
        }
    }

    static int u16(byte[] data, int offset) {
        return ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
    }

    static long u32(byte[] data, int offset) {
        return ((long) u16(data, offset) << 16) | u16(data, offset + 2);
    }

    private static void writeU32(ByteArrayOutputStream out, long value) {
        out.write((int) (value >>> 24) & 0xFF);
        out.write((int) (value >>> 16) & 0xFF);
        out.write((int) (value >>> 8) & 0xFF);
        out.write((int) value & 0xFF);
    }
}
