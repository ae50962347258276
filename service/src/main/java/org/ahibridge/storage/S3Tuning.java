package org.ahibridge.storage;

/**
 * Sizes that decide how {@link S3BlobStore} moves large objects (S3 multipart upload and
 * UploadPartCopy). S3 parts must be 5 MiB to 5 GiB, at most 10,000 per object; a single CopyObject is
 * limited to 5 GiB (S3 API reference, CopyObject and UploadPartCopy).
 */
public record S3Tuning(long multipartThreshold, int partSize, long copyMultipartThreshold, long copyPartSize) {

    static final long MIB = 1024L * 1024L;

    /** Multipart above 64 MiB in 16 MiB parts; CopyObject up to 5 GiB, then 512 MiB part copies. */
    public static final S3Tuning DEFAULT = new S3Tuning(64 * MIB, (int) (16 * MIB), 5 * 1024 * MIB, 512 * MIB);

    public S3Tuning {
        if (partSize < 5 * MIB || copyPartSize < 5 * MIB) {
            throw new IllegalArgumentException("S3 parts must be at least 5 MiB");
        }
        if (multipartThreshold < partSize || copyMultipartThreshold > 5 * 1024 * MIB) {
            throw new IllegalArgumentException("multipart thresholds must be at least one part and at most 5 GiB"
                    + " for copies");
        }
    }
}
