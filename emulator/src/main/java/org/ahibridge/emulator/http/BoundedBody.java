package org.ahibridge.emulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read with a bound on memory: up to {@code limit} bytes are kept; a larger body is
 * read to its end into a small buffer and dropped, so the server can still answer (a client that is
 * still sending when the server closes the connection often never sees the reply) while the heap holds
 * no more than the limit. A body declared larger than the limit is dropped without keeping any of it.
 * How long a client may take to send it is bounded by {@link JdkHttpServerDefaults}' request timeout.
 *
 * @param bytes  the body, or null when it was larger than the limit
 * @param length the number of bytes the client sent (or declared, when it was too large)
 */
public record BoundedBody(byte[] bytes, long length) {

    private static final int DRAIN_BUFFER_BYTES = 64 * 1024;

    public boolean tooLarge() {
        return bytes == null;
    }

    /**
     * Reads {@code in} to its end.
     *
     * @param declaredLength the Content-Length, or -1 when the body is chunked
     * @param limit          the most bytes to keep
     */
    public static BoundedBody read(InputStream in, long declaredLength, long limit) throws IOException {
        if (declaredLength > limit) {
            drain(in);
            return new BoundedBody(null, declaredLength);
        }
        int initial = (int) Math.min(declaredLength < 0 ? 8192 : declaredLength, limit);
        ByteArrayOutputStream kept = new ByteArrayOutputStream(Math.max(initial, 32));
        byte[] buffer = new byte[DRAIN_BUFFER_BYTES];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                return new BoundedBody(null, total + drain(in));
            }
            kept.write(buffer, 0, n);
        }
        return new BoundedBody(kept.toByteArray(), total);
    }

    /** Reads and drops the rest of {@code in}; returns how many bytes that was. */
    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[DRAIN_BUFFER_BYTES];
        long dropped = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            dropped += n;
        }
        return dropped;
    }
}
