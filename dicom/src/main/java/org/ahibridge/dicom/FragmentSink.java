package org.ahibridge.dicom;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives the fragments of encapsulated Pixel Data one by one (PS3.5 §A.4): each becomes an item
 * (FFFE,E000) of defined length, padded with NUL to even length; {@link #finish()} writes the sequence
 * delimiter (FFFE,E0DD). Obtained from {@link DicomWriter#startEncapsulatedPixelData}.
 */
public final class FragmentSink {

    private final DicomOutput output;
    private final Runnable onFinish;
    private boolean finished;

    FragmentSink(DicomOutput output, Runnable onFinish) {
        this.output = output;
        this.onFinish = onFinish;
    }

    /**
     * The Basic Offset Table for frames of the given sizes, one fragment per frame: the offset of each
     * frame's item from the first fragment item, counting 8 item-header bytes and padding per frame.
     *
     * @throws IllegalArgumentException when an offset does not fit 32 bits (use an empty table then)
     */
    public static long[] offsetTable(long... frameLengths) {
        long[] offsets = new long[frameLengths.length];
        long offset = 0;
        for (int i = 0; i < frameLengths.length; i++) {
            if (offset > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("frame " + (i + 1) + " starts at byte " + offset
                        + ", past the 32-bit Basic Offset Table; write an empty table instead");
            }
            offsets[i] = offset;
            offset += 8 + DicomWriter.padded(frameLengths[i]);
        }
        return offsets;
    }

    void writeOffsetTable(long[] offsets) throws IOException {
        byte[] table = new byte[offsets.length * 4];
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] < 0 || offsets[i] > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("Basic Offset Table entry " + offsets[i] + " does not fit 32 bits");
            }
            for (int b = 0; b < 4; b++) {
                table[i * 4 + b] = (byte) (offsets[i] >>> (8 * b));
            }
        }
        writeFragment(table);
    }

    /** Writes one fragment from memory. */
    public void writeFragment(byte[] fragment) throws IOException {
        requireOpen();
        output.writeItemHeader(Tags.ITEM, DicomWriter.padded(fragment.length));
        output.writeValue(VR.OB, fragment);
    }

    /** Writes one fragment of {@code length} bytes copied from {@code in}, without holding it in memory. */
    public void writeFragment(InputStream in, long length) throws IOException {
        requireOpen();
        if (DicomWriter.padded(length) > 0xFFFFFFFEL) {
            throw new IllegalArgumentException("a fragment of " + length + " bytes exceeds the 32-bit item length");
        }
        output.writeItemHeader(Tags.ITEM, DicomWriter.padded(length));
        output.copyValue(VR.OB, in, length);
    }

    /** Writes the sequence delimiter that ends the Pixel Data. */
    public void finish() throws IOException {
        requireOpen();
        output.writeItemHeader(Tags.SEQUENCE_DELIMITATION_ITEM, 0);
        finished = true;
        onFinish.run();
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the encapsulated Pixel Data is already finished");
        }
    }
}
