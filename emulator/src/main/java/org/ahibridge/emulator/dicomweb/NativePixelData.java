package org.ahibridge.emulator.dicomweb;

import java.io.IOException;
import java.io.InputStream;

import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.codec.FrameLayout;

/**
 * Native Pixel Data made of an instance's frames, one after the other without padding (PS3.5 §8.1.1), read
 * one frame at a time. Frames of Bits Allocated 1 are stored each from bit 0 of a byte; here they are packed
 * back bit after bit, so a frame whose size is not a whole number of bytes starts inside the previous one's
 * last byte, as the standard lays them out.
 */
final class NativePixelData {

    private final ServedFrames frames;
    private final long frameBits;
    private final long length;

    NativePixelData(ServedFrames frames, LocatedInstance instance) {
        this.frames = frames;
        FrameLayout layout = frames.layout();
        if (layout.bitsAllocated() == 1) {
            frameBits = (long) layout.rows() * layout.columns() * instance.dataset().getInt(Tags.SAMPLES_PER_PIXEL, 1);
            length = (frameBits * frames.count() + 7) / 8;
        } else {
            frameBits = -1;
            long total = 0;
            for (int i = 0; i < frames.count(); i++) {
                total += frames.size(i);
            }
            length = total;
        }
    }

    /** Bytes of Pixel Data, before padding to even length. */
    long length() {
        return length;
    }

    InputStream stream() {
        return frameBits < 0 ? new Concatenated() : new BitPacked();
    }

    /** Whole-byte frames, as they are. */
    private final class Concatenated extends InputStream {
        private int next;
        private byte[] frame = new byte[0];
        private int position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int count) throws IOException {
            while (position == frame.length) {
                if (next == frames.count()) {
                    return -1;
                }
                frame = frames.frame(next);
                if (frame.length != frames.size(next)) {
                    throw new IOException("frame " + (next + 1) + " has " + frame.length + " bytes, the metadata says "
                            + frames.size(next));
                }
                next++;
                position = 0;
            }
            int n = Math.min(count, frame.length - position);
            System.arraycopy(frame, position, target, offset, n);
            position += n;
            return n;
        }
    }

    /** 1-bit frames packed one after the other across byte boundaries. */
    private final class BitPacked extends InputStream {
        private int next;
        private int carry;
        private int carryBits;
        private byte[] packed = new byte[0];
        private int position;
        private boolean flushed;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int count) throws IOException {
            while (position == packed.length) {
                if (!refill()) {
                    return -1;
                }
            }
            int n = Math.min(count, packed.length - position);
            System.arraycopy(packed, position, target, offset, n);
            position += n;
            return n;
        }

        /** Packs the next frame's bits after the ones carried over; false at the end. */
        private boolean refill() throws IOException {
            position = 0;
            if (next == frames.count()) {
                if (flushed || carryBits == 0) {
                    return false;
                }
                flushed = true;
                packed = new byte[] {(byte) carry};
                carryBits = 0;
                return true;
            }
            byte[] frame = frames.frame(next++);
            if (frame.length * 8L < frameBits) {
                throw new IOException("frame " + next + " has " + frame.length + " bytes, fewer than its " + frameBits
                        + " bits");
            }
            long bits = carryBits + frameBits;
            packed = new byte[(int) (bits / 8)];
            int out = 0;
            for (long b = 0; b < frameBits; b++) {
                int bit = (frame[(int) (b >>> 3)] >>> (int) (b & 7)) & 1;
                carry |= bit << carryBits;
                if (++carryBits == 8) {
                    packed[out++] = (byte) carry;
                    carry = 0;
                    carryBits = 0;
                }
            }
            return true;
        }
    }
}
