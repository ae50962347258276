package org.ahibridge.importing;

import java.io.IOException;

import org.ahibridge.storage.StorageException;

/**
 * The one retry of source reads and listings: a transient store fault (5xx, SlowDown after the SDK's retries)
 * is tried again up to {@value #ATTEMPTS} times in all, 200 ms doubling; any other failure goes to the caller.
 */
final class TransientReads {

    static final int ATTEMPTS = 5;

    private TransientReads() {
    }

    interface Read<T> {
        T get() throws IOException;
    }

    static <T> T retrying(Read<T> read) throws IOException {
        for (int attempt = 1;; attempt++) {
            try {
                return read.get();
            } catch (StorageException e) {
                if (!e.isTransient() || attempt >= ATTEMPTS) {
                    throw e;
                }
                pause(200L << (attempt - 1));
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a read", e);
        }
    }
}
