package org.ahibridge.storage;

import java.io.InputStream;
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

    /** Deletes an object; deleting a missing object is not an error. */
    void delete(String key);

    /** Sets object tags where the provider supports them (S3 PutObjectTagging). */
    TaggingResult tag(String key, Map<String, String> tags);
}
