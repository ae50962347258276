package org.ahibridge.storage.gcs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.google.cloud.BaseServiceException;

/**
 * A read stream over a GCS {@code ReadChannel} whose failures surface as {@link IOException} (what a
 * stream reader expects) with a translated message, instead of the client's unchecked exceptions.
 */
final class GcsInputStream extends FilterInputStream {

    private final String where;

    GcsInputStream(InputStream in, String where) {
        super(in);
        this.where = where;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (BaseServiceException e) {
            throw GcsErrors.asIoException(where, e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (BaseServiceException e) {
            throw GcsErrors.asIoException(where, e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (BaseServiceException e) {
            throw GcsErrors.asIoException(where, e);
        }
    }
}
