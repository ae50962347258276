package org.ahibridge.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * What a storage knows about one object: its key (relative to the storage's root, '/' separated),
 * its size, a version string that changes whenever the content changes, and when it was last
 * modified.
 *
 * <p>For S3 the version is the object's ETag without quotes, the same in ListObjectsV2 and HeadObject
 * (listings carry no version ids): it changes whenever the content changes, and re-uploading identical
 * content keeps it, which is what "already imported" should mean. For folders it is derived from the
 * modification time and size.
 */
public record BlobInfo(String key, long size, String version, Instant lastModified) {

    public BlobInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }
}
