package org.ahibridge.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

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

    /**
     * Copies the version {@code expected} names, and only that version: server-side with the provider's
     * conditional copy when it has one (S3: one CopyObject with {@code x-amz-copy-source-if-match}, no HEAD),
     * else streamed after one check of the version (the object's size is then taken from that check).
     */
    public static CopyOutcome copyIfUnchanged(BlobStore source, BlobInfo expected, BlobStore target,
            String targetKey) {
        CopyOutcome serverSide = target.copyServerSideIfUnchanged(source, expected, targetKey);
        if (serverSide != CopyOutcome.NOT_SERVER_SIDE) {
            return serverSide;
        }
        Optional<BlobInfo> current = source.stat(expected.key());
        if (current.isEmpty()) {
            return CopyOutcome.SOURCE_MISSING;
        }
        if (!current.get().version().equals(expected.version())) {
            return CopyOutcome.SOURCE_CHANGED;
        }
        target.putFrom(source, expected.key(), targetKey, current.get().size());
        return CopyOutcome.COPIED_STREAMED;
    }
}
