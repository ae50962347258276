package org.ahibridge.dicom;

import java.io.IOException;

/**
 * The input is not a well-formed DICOM stream. Says what ({@link Kind} and message) and where (the tag
 * being read, or -1, and the byte offset from the start of the object).
 */
public final class DicomParseException extends IOException {

    /** What kind of defect stopped the reader. */
    public enum Kind {
        /** The object has no bytes at all. */
        EMPTY,
        /** No 128-byte preamble followed by "DICM". */
        NO_P10_HEADER,
        /** The stream ends inside an element, or a declared length runs past the end of the object. */
        TRUNCATED,
        /** A bad element: VR, length, nesting or item structure. */
        MALFORMED,
        /** A configured safety limit (header size, nesting depth, value length) was exceeded. */
        LIMIT_EXCEEDED
    }

    private final Kind kind;
    private final int tag;
    private final long offset;

    public DicomParseException(Kind kind, int tag, long offset, String message) {
        super(message);
        this.kind = kind;
        this.tag = tag;
        this.offset = offset;
    }

    public Kind kind() {
        return kind;
    }

    /** The tag being read when the defect was found, or -1 when there was none. */
    public int tag() {
        return tag;
    }

    /** Byte offset in the object where the defect was found (in the inflated stream when deflated). */
    public long offset() {
        return offset;
    }
}
