package org.ahibridge.exporting;

import java.io.InputStream;
import java.util.List;
import java.util.function.ToLongFunction;

import org.ahibridge.dicom.json.AhiMetadataFrame;

/**
 * The native frames of one instance as one stream (frame after frame, as PS3.5 §8.1.1 lays out native
 * Pixel Data), pulled from a {@link FrameWindow}: one frame in hand at a time. Each frame must have
 * its expected size, else reading fails.
 */
final class FrameStream extends InputStream {

    private final List<AhiMetadataFrame> frames;
    private final FrameWindow window;
    private final ToLongFunction<AhiMetadataFrame> expectedSize;
    private int index;
    private byte[] current = new byte[0];
    private int position;

    FrameStream(List<AhiMetadataFrame> frames, FrameWindow window, ToLongFunction<AhiMetadataFrame> expectedSize) {
        this.frames = frames;
        this.window = window;
        this.expectedSize = expectedSize;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position >= current.length) {
            if (index >= frames.size()) {
                return -1;
            }
            AhiMetadataFrame frame = frames.get(index++);
            current = window.next();
            position = 0;
            long expected = expectedSize.applyAsLong(frame);
            if (current.length != expected) {
                throw InstanceRebuilder.sizeMismatch(frame, current.length, expected);
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
