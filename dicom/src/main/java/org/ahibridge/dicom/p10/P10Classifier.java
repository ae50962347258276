package org.ahibridge.dicom.p10;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.ReadOptions;

/**
 * Classifies objects for DICOM Part 10 compliance (PS3.10 §7) against what AWS HealthImaging imports
 * (docs/aws-healthimaging.md §5.2 transfer syntaxes, §9 input requirements), reading only the header up to Pixel Data
 * plus
 * a bounded margin of encapsulated pixel data. The verdict says why an object is not compliant
 * ({@link P10Reason}), where, how many bytes were pulled, and the attributes routes filter on.
 *
 * <p>Hostile input never throws: the header size and nesting depth are bounded, declared lengths are
 * checked against the object's size when known, values the check does not need are skipped rather than
 * held, and no buffer is sized from a length field. Only I/O errors of the source itself propagate.
 *
 * <p>Immutable and thread-safe: one instance serves any number of concurrent classifications.
 */
public final class P10Classifier {

    /** Default limit of the header (everything before Pixel Data): 16 MiB. */
    public static final long DEFAULT_MAX_HEADER_BYTES = 16L << 20;
    /** Default deepest sequence nesting: real objects use a handful of levels. */
    public static final int DEFAULT_MAX_DEPTH = 16;
    /** Read-ahead buffer: small, because the header of a typical slice is 1-2 KiB. */
    static final int BUFFER_SIZE = 4096;
    /** Largest Basic Offset Table skipped to check the first fragment of encapsulated Pixel Data. */
    static final int ENCAPSULATED_MARGIN = 64 << 10;

    private final long maxHeaderBytes;
    private final int maxDepth;

    public P10Classifier() {
        this(DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_DEPTH);
    }

    public P10Classifier(long maxHeaderBytes, int maxDepth) {
        if (maxHeaderBytes < 256 || maxDepth < 1) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 256 and maxDepth at least 1");
        }
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxDepth = maxDepth;
    }

    public long maxHeaderBytes() {
        return maxHeaderBytes;
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** Classifies a file, using its size to detect truncation. */
    public P10Verdict classify(Path file) throws IOException {
        return classify(file, Files.size(file));
    }

    /** Classifies a file whose size the caller knows already (from a folder listing, say). */
    public P10Verdict classify(Path file, long size) throws IOException {
        try (InputStream in = new FileInputStream(file.toFile())) {
            return classify(in, size);
        }
    }

    /**
     * Classifies the object the stream starts with; the stream is read as far as needed and not closed.
     *
     * @param size the object's total size in bytes, or -1 when unknown (then truncated pixel data goes
     *             unnoticed, since the pixels are not read)
     * @throws IOException only when the stream itself fails
     */
    public P10Verdict classify(InputStream in, long size) throws IOException {
        CountingInputStream counting = new CountingInputStream(in);
        ReadOptions options = ReadOptions.header().withKnownSize(size < 0 ? -1 : size)
                .withMaxHeaderBytes(maxHeaderBytes).withMaxDepth(maxDepth);
        DicomReader reader = new DicomReader(new BufferedInputStream(counting, BUFFER_SIZE), options)
                .retainOnly(P10Extract.RETAINED);
        P10Inspection inspection = new P10Inspection(reader, counting, size < 0 ? -1 : size, ENCAPSULATED_MARGIN);
        try {
            return inspection.run();
        } catch (RuntimeException e) {
            // A reader defect must not stop a pipeline: the object is reported, and tests look for this text.
            return inspection.failUnexpectedly(reader.position(), e);
        }
    }
}
