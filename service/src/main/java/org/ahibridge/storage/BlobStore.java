package org.ahibridge.storage;

import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A blob storage rooted at a registration's location (an S3 bucket and prefix, a folder, later an
 * Azure container or a GCS bucket). Keys are relative to that root and use '/' separators.
 *
 * <p>Every read is streamed; nothing here holds an object in memory. Implementations translate their
 * SDK's errors into {@link StorageException}, so no SDK type leaves the provider.
 */
public interface BlobStore {

    /** A readable description of the root, such as {@code s3://bucket/prefix/} or {@code file:/data/in}. */
    String describe();

    /**
     * Lists objects whose key starts with {@code prefix}, in key order, at most {@code maxKeys} per page.
     *
     * @param token {@code null} for the first page, else the {@link ListPage#nextToken()} of the previous
     *              page (it can be persisted and used after a restart)
     */
    ListPage list(String prefix, String token, int maxKeys);

    /** Size, version and modification time of one object, or empty when it does not exist. */
    Optional<BlobInfo> stat(String key);

    /** Bytes {@code [from, to)} of an object; fewer when the object is shorter. */
    InputStream openRange(String key, long from, long to);

    /** The whole object as a stream. */
    InputStream open(String key);

    /**
     * Writes an object from a stream, replacing any object with that key.
     *
     * @param size the number of bytes the stream holds, or -1 when unknown
     */
    BlobInfo write(String key, InputStream content, long size);

    /**
     * Copies {@code sourceKey} of {@code source} to {@code targetKey} of this store without the bytes
     * passing through this process, when the provider can (S3 CopyObject inside one endpoint,
     * a file copy between folders).
     *
     * @return false when no server-side copy is possible between the two stores; nothing was written
     */
    boolean copyServerSide(BlobStore source, String sourceKey, String targetKey);

    /**
     * Copies {@code expected.key()} of {@code source} to {@code targetKey} server-side only while the source
     * is still the version {@code expected} names, in as few requests as the provider allows (S3: one
     * CopyObject with {@code x-amz-copy-source-if-match}, no HEAD). This default checks the version with
     * {@link #stat} first, which leaves a short window for a change; providers with a conditional copy
     * override it.
     *
     * @return {@link CopyOutcome#NOT_SERVER_SIDE} when no server-side copy is possible between the stores
     */
    default CopyOutcome copyServerSideIfUnchanged(BlobStore source, BlobInfo expected, String targetKey) {
        Optional<BlobInfo> current = source.stat(expected.key());
        if (current.isEmpty()) {
            return CopyOutcome.SOURCE_MISSING;
        }
        if (!current.get().version().equals(expected.version())) {
            return CopyOutcome.SOURCE_CHANGED;
        }
        return copyServerSide(source, expected.key(), targetKey) ? CopyOutcome.COPIED_SERVER_SIDE
                : CopyOutcome.NOT_SERVER_SIDE;
    }

    /**
     * Writes like {@link #write} without reading the object's attributes back afterwards (S3: no HEAD after
     * the PutObject), for callers that only need the bytes stored.
     */
    default void put(String key, InputStream content, long size) {
        write(key, content, size);
    }

    /**
     * Streams {@code sourceKey} of {@code source} into {@code key} like {@link #put}. Providers whose uploads are
     * retried (S3) open the source again for each attempt, since a stream read once cannot be sent twice.
     */
    default void putFrom(BlobStore source, String sourceKey, String key, long size) {
        try (InputStream in = source.open(sourceKey)) {
            put(key, in, size);
        } catch (java.io.IOException e) {
            throw new StorageException("copying " + sourceKey + " from " + source.describe() + " to " + describe()
                    + " failed: " + e.getMessage(), true, e);
        }
    }

    /** Deletes an object; deleting a missing object is not an error. */
    void delete(String key);

    /**
     * Deletes objects in as few requests as the provider allows (S3: DeleteObjects, 1,000 keys per request);
     * missing objects are not an error. This default deletes them one by one.
     *
     * @return how many keys were deleted (or were already gone)
     */
    default int deleteAll(Collection<String> keys) {
        keys.forEach(this::delete);
        return keys.size();
    }

    /** Sets object tags where the provider supports them (S3 PutObjectTagging). */
    TaggingResult tag(String key, Map<String, String> tags);
}
