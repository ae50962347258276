package org.ahibridge.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Copies an object between two stores: server-side when the providers allow it, otherwise streamed
 * through this process with bounded memory.
 */
public final class BlobTransfer {

    private BlobTransfer() {
    }

    /**
     * Copies one object.
     *
     * @return true when the copy was server-side (no content bytes were read by this process)
     */
    public static boolean copy(BlobStore source, String sourceKey, BlobStore target, String targetKey) {
        if (target.copyServerSide(source, sourceKey, targetKey)) {
            return true;
        }
        long size = source.stat(sourceKey)
                .orElseThrow(() -> new StorageException("cannot copy " + sourceKey + " from "
                        + source.describe() + ": the object does not exist"))
                .size();
        try (InputStream in = source.open(sourceKey)) {
            target.write(targetKey, in, size);
        } catch (IOException e) {
            throw new StorageException("copying " + sourceKey + " from " + source.describe() + " to "
                    + target.describe() + " failed: " + e.getMessage(), true, e);
        }
        return false;
    }
}
