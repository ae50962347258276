package org.ahibridge.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.ahibridge.dicom.TransferSyntax.Encoding;

/**
 * Low-level encoder under {@link DicomWriter}: element headers in implicit or explicit VR (PS3.5 §7.1),
 * item and delimiter tags (PS3.5 §7.5), and values in the stream's byte order. Values come from the
 * model in little endian and are swapped on the way out for big endian (PS3.5 §7.3), through a small
 * buffer so the model is never changed and large values need no copy.
 */
final class DicomOutput {

    static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    private static final int CHUNK = 64 * 1024;

    private OutputStream out;
    private Encoding encoding = Encoding.EXPLICIT_LE;
    private final byte[] scratch = new byte[12];
    private byte[] chunk;

    DicomOutput(OutputStream out) {
        this.out = out;
    }

    void encoding(Encoding encoding) {
        this.encoding = encoding;
    }

    Encoding encoding() {
        return encoding;
    }

    /** Replaces the stream from here on (the deflated data set). */
    void switchTo(OutputStream replacement) {
        this.out = replacement;
    }

    /** The number of header bytes an element with this VR takes in the current encoding. */
    int headerLength(VR vr) {
        return encoding.explicitVr() && vr.longLength() ? 12 : 8;
    }

    void writeHeader(int tag, VR vr, long length) throws IOException {
        putTag(0, tag);
        if (!encoding.explicitVr()) {
            putInt(4, length);
            out.write(scratch, 0, 8);
            return;
        }
        scratch[4] = (byte) vr.name().charAt(0);
        scratch[5] = (byte) vr.name().charAt(1);
        if (vr.longLength()) {
            scratch[6] = 0;
            scratch[7] = 0;
            putInt(8, length);
            out.write(scratch, 0, 12);
        } else {
            putShort(6, (int) length);
            out.write(scratch, 0, 8);
        }
    }

    /** Item, item delimiter and sequence delimiter: tag and 32-bit length, never a VR (PS3.5 §7.5). */
    void writeItemHeader(int tag, long length) throws IOException {
        putTag(0, tag);
        putInt(4, length);
        out.write(scratch, 0, 8);
    }

    /** Writes a value in the stream's byte order, then one padding byte when its length is odd. */
    void writeValue(VR vr, byte[] value) throws IOException {
        if (!swaps(vr)) {
            out.write(value);
        } else {
            byte[] buffer = chunk();
            for (int offset = 0; offset < value.length; offset += buffer.length) {
                int length = Math.min(buffer.length, value.length - offset);
                System.arraycopy(value, offset, buffer, 0, length);
                swap(buffer, length, vr.unitSize());
                out.write(buffer, 0, length);
            }
        }
        if ((value.length & 1) == 1) {
            out.write(vr.padding());
        }
    }

    /**
     * Copies exactly {@code length} value bytes from {@code in} (swapping for big endian), then pads.
     *
     * @throws IOException when the stream ends before {@code length} bytes
     */
    void copyValue(VR vr, InputStream in, long length) throws IOException {
        byte[] buffer = chunk();
        boolean swap = swaps(vr);
        long copied = 0;
        while (copied < length) {
            int wanted = (int) Math.min(buffer.length, length - copied);
            int filled = 0;
            while (filled < wanted) {
                int n = in.read(buffer, filled, wanted - filled);
                if (n < 0) {
                    throw new IOException("the value stream ended after " + (copied + filled) + " of " + length
                            + " declared bytes");
                }
                filled += n;
            }
            if (swap) {
                swap(buffer, filled, vr.unitSize());
            }
            out.write(buffer, 0, filled);
            copied += filled;
        }
        if ((length & 1) == 1) {
            out.write(vr.padding());
        }
    }

    void writeRaw(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    private boolean swaps(VR vr) {
        return encoding.bigEndian() && vr.unitSize() > 1;
    }

    private byte[] chunk() {
        if (chunk == null) {
            chunk = new byte[CHUNK]; // a multiple of every unit size, so no unit straddles two chunks
        }
        return chunk;
    }

    private void putTag(int at, int tag) {
        putShort(at, tag >>> 16);
        putShort(at + 2, tag & 0xFFFF);
    }

    private void putShort(int at, int value) {
        if (encoding.bigEndian()) {
            scratch[at] = (byte) (value >>> 8);
            scratch[at + 1] = (byte) value;
        } else {
            scratch[at] = (byte) value;
            scratch[at + 1] = (byte) (value >>> 8);
        }
    }

    private void putInt(int at, long value) {
        if (encoding.bigEndian()) {
            putShort(at, (int) (value >>> 16));
            putShort(at + 2, (int) value);
        } else {
            putShort(at, (int) value);
            putShort(at + 2, (int) (value >>> 16));
        }
    }

    private static void swap(byte[] buffer, int length, int unit) {
        for (int i = 0; i + unit <= length; i += unit) {
            for (int a = i, b = i + unit - 1; a < b; a++, b--) {
                byte t = buffer[a];
                buffer[a] = buffer[b];
                buffer[b] = t;
            }
        }
    }
}
