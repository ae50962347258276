package org.ahibridge.emulator.dicomweb;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may not exceed a bound: reading past it throws {@link TooLarge}, so a chunked body
 * (whose size nobody declared) is refused as soon as it is too large, while nothing of it is kept.
 */
final class BoundedRequestBody extends FilterInputStream {

    /** The body went past the bound. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private long read;

    BoundedRequestBody(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws TooLarge {
        read += n;
        if (read > limit) {
            throw new TooLarge(limit);
        }
    }

    /** Reads and drops the rest of the underlying stream, so the client can read the reply it is sent. */
    void drainUnderlying() throws IOException {
        in.transferTo(java.io.OutputStream.nullOutputStream());
    }
}
