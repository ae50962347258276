package org.ahibridge.dicom;

/**
 * How far and how defensively {@link DicomReader} reads.
 *
 * @param stopBeforePixelData header mode: stop at the first top-level element at or after (7FE0,0008)
 * @param knownSize           the object's total size in bytes when known, else -1; lets the reader
 *                            detect declared lengths that run past the end without reading them
 * @param maxHeaderBytes      header mode only: give up when Pixel Data has not started by this offset
 * @param maxDepth            deepest sequence nesting accepted
 * @param maxValueLength      largest single value accepted
 */
public record ReadOptions(boolean stopBeforePixelData, long knownSize, long maxHeaderBytes, int maxDepth,
        long maxValueLength) {

    public static final long DEFAULT_MAX_HEADER_BYTES = 64L << 20;
    public static final int DEFAULT_MAX_DEPTH = 32;
    public static final long DEFAULT_MAX_VALUE_LENGTH = (1L << 31) - 16;

    /** Everything, including pixel data. */
    public static ReadOptions full() {
        return new ReadOptions(false, -1, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_VALUE_LENGTH);
    }

    /** Up to Pixel Data, with the default limits. */
    public static ReadOptions header() {
        return new ReadOptions(true, -1, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_VALUE_LENGTH);
    }

    public ReadOptions withKnownSize(long size) {
        return new ReadOptions(stopBeforePixelData, size, maxHeaderBytes, maxDepth, maxValueLength);
    }

    public ReadOptions withMaxHeaderBytes(long bytes) {
        return new ReadOptions(stopBeforePixelData, knownSize, bytes, maxDepth, maxValueLength);
    }

    public ReadOptions withMaxDepth(int depth) {
        return new ReadOptions(stopBeforePixelData, knownSize, maxHeaderBytes, depth, maxValueLength);
    }
}
