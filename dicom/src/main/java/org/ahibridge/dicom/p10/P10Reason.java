package org.ahibridge.dicom.p10;

/**
 * Why an object is not a DICOM Part 10 file that AWS HealthImaging can import. Checked in this order;
 * the first that applies is the verdict. See {@code docs/p10-classifier.md} for examples.
 */
public enum P10Reason {
    /** The object has no bytes. */
    EMPTY,
    /** No 128-byte preamble followed by "DICM" (PS3.10 §7.1); includes every non-DICOM file. */
    NO_P10_HEADER,
    /** The header, or a declared length (Pixel Data included), runs past the end of the object. */
    TRUNCATED,
    /** A bad element, VR, length, item structure or nesting (deeper than the configured limit). */
    MALFORMED,
    /** The header does not reach Pixel Data within the configured maximum header size. */
    HEADER_TOO_LARGE,
    /** The File Meta Information has no Transfer Syntax UID (0002,0010). */
    MISSING_TRANSFER_SYNTAX,
    /** The transfer syntax is not one AHI imports (docs/aws-healthimaging.md §5.2). */
    UNSUPPORTED_TRANSFER_SYNTAX,
    /** The object is a DICOMDIR (Media Storage Directory Storage, 1.2.840.10008.1.3.10), not an instance. */
    MEDIA_DIRECTORY,
    /** SOP Class, SOP Instance, Study Instance or Series Instance UID is absent or empty. */
    MISSING_REQUIRED_ATTRIBUTE,
    /** A value is longer than AHI accepts at import (docs/aws-healthimaging.md §9, the stricter numbers). */
    VALUE_TOO_LONG,
    /** A required UID breaks the UID rules of PS3.5 §9.1. */
    INVALID_UID
}
