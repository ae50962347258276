package org.ahibridge.dicom;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads bytes from a stream while tracking the offset, in little or big endian. It never reads ahead
 * beyond what the parser asks for (except a one-word look-ahead), so the bytes a caller counts under
 * it are the bytes the parse needed; callers add their own buffering.
 */
final class ByteSource {

    /** Values up to this size are read into one array; larger ones grow as bytes actually arrive. */
    private static final int DIRECT_READ_LIMIT = 1 << 20;

    private InputStream in;
    private long position;
    private final byte[] scratch = new byte[8];
    private final byte[] lookahead = new byte[4];
    private int lookaheadLength;
    private boolean bigEndian;
    private byte[] discard;

    ByteSource(InputStream in) {
        this.in = in;
    }

    long position() {
        return position;
    }

    void bigEndian(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    /**
     * Replaces the stream from here on with an inflating one (deflated data sets, PS3.5 §A.5);
     * position keeps counting, in inflated bytes. A corrupt or cut deflate stream becomes a
     * {@link DicomParseException} (MALFORMED or TRUNCATED) rather than a bare zip error.
     */
    void inflateFromHere() {
        InputStream rest = in;
        if (lookaheadLength != 0) {
            rest = new java.io.SequenceInputStream(
                    new java.io.ByteArrayInputStream(Arrays.copyOf(lookahead, lookaheadLength)), in);
            lookaheadLength = 0;
        }
        this.in = new Inflated(new InflaterInputStream(rest, new Inflater(true), 512));
    }

    /** Translates the inflater's exceptions into parse verdicts with the offset reached. */
    private final class Inflated extends FilterInputStream {
        Inflated(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException e) {
                throw cut();
            } catch (ZipException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (EOFException e) {
                throw cut();
            } catch (ZipException e) {
                throw corrupt(e);
            }
        }

        private DicomParseException cut() {
            return new DicomParseException(DicomParseException.Kind.TRUNCATED, -1, position,
                    "the deflated data set ends early, at inflated offset " + position);
        }

        private DicomParseException corrupt(ZipException e) {
            return new DicomParseException(DicomParseException.Kind.MALFORMED, -1, position,
                    "the deflated data set is corrupt near inflated offset " + position + " (" + e.getMessage() + ")");
        }
    }

    /** Reads up to {@code length} bytes; returns how many arrived before the end of the stream. */
    int readAvailable(byte[] target, int offset, int length) throws IOException {
        int total = 0;
        while (lookaheadLength > 0 && total < length) {
            target[offset + total++] = lookahead[0];
            System.arraycopy(lookahead, 1, lookahead, 0, --lookaheadLength);
        }
        while (total < length) {
            int n = in.read(target, offset + total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        position += total;
        return total;
    }

    void readFully(byte[] target, int offset, int length, int tag) throws DicomParseException, IOException {
        long start = position;
        int n = readAvailable(target, offset, length);
        if (n < length) {
            throw new DicomParseException(DicomParseException.Kind.TRUNCATED, tag, start,
                    "the object ends at byte " + position + " inside " + describe(tag) + ", "
                            + (length - n) + " bytes short");
        }
    }

    /** True when no byte is left; looks one byte ahead without consuming it. */
    boolean atEnd() throws IOException {
        if (lookaheadLength > 0) {
            return false;
        }
        int b = in.read();
        if (b < 0) {
            return true;
        }
        lookahead[0] = (byte) b;
        lookaheadLength = 1;
        return false;
    }

    /** Looks at the next 16-bit word without consuming it; -1 at the end of the stream. */
    int peekUInt16() throws IOException {
        while (lookaheadLength < 2) {
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            lookahead[lookaheadLength++] = (byte) b;
        }
        return bigEndian ? ((lookahead[0] & 0xFF) << 8) | (lookahead[1] & 0xFF)
                : ((lookahead[1] & 0xFF) << 8) | (lookahead[0] & 0xFF);
    }

    int readUInt16(int tag) throws IOException {
        readFully(scratch, 0, 2, tag);
        return bigEndian ? ((scratch[0] & 0xFF) << 8) | (scratch[1] & 0xFF)
                : ((scratch[1] & 0xFF) << 8) | (scratch[0] & 0xFF);
    }

    long readUInt32(int tag) throws IOException {
        readFully(scratch, 0, 4, tag);
        long value = bigEndian
                ? ((scratch[0] & 0xFFL) << 24) | ((scratch[1] & 0xFF) << 16) | ((scratch[2] & 0xFF) << 8) | (scratch[3] & 0xFF)
                : ((scratch[3] & 0xFFL) << 24) | ((scratch[2] & 0xFF) << 16) | ((scratch[1] & 0xFF) << 8) | (scratch[0] & 0xFF);
        return value;
    }

    /** Two bytes in stream order as one number, first in the high byte (a VR's two characters). */
    int readAsciiPair(int tag) throws IOException {
        readFully(scratch, 0, 2, tag);
        return ((scratch[0] & 0xFF) << 8) | (scratch[1] & 0xFF);
    }

    int readTag() throws IOException {
        int group = readUInt16(-1);
        int element = readUInt16(group << 16);
        return (group << 16) | element;
    }

    /**
     * Reads a value of a declared length. The length was checked against the limits by the caller,
     * but it may still be a lie: unless {@code verified} (checked against the object's known size),
     * large values grow only as bytes really arrive.
     */
    byte[] readValue(long length, int tag, boolean verified) throws IOException {
        if (length <= DIRECT_READ_LIMIT || verified) {
            byte[] value = new byte[(int) length];
            readFully(value, 0, value.length, tag);
            return value;
        }
        byte[] value = new byte[DIRECT_READ_LIMIT];
        int filled = 0;
        while (filled < length) {
            if (filled == value.length) {
                value = Arrays.copyOf(value, (int) Math.min(length, (long) value.length * 2));
            }
            readFully(value, filled, value.length - filled, tag);
            filled = value.length;
        }
        return value;
    }

    /** Skips a value by reading and discarding it, so that skipping past the end is noticed. */
    void skip(long length, int tag) throws IOException {
        // Sized to what is skipped (most skipped values are a few bytes), grown up to 8 KiB when needed: a
        // header read skips a handful of values per object, and zeroing 8 KiB each time showed in profiles.
        if (discard == null || discard.length < Math.min(length, 8192)) {
            discard = new byte[(int) Math.min(8192, Math.max(64, Long.highestOneBit(Math.max(length, 1)) << 1))];
        }
        long left = length;
        while (left > 0) {
            int chunk = (int) Math.min(left, discard.length);
            readFully(discard, 0, chunk, tag);
            left -= chunk;
        }
    }

    private static String describe(int tag) {
        return tag == -1 ? "an element header" : "element " + Tags.toString(tag);
    }
}
