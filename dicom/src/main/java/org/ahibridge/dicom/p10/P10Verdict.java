package org.ahibridge.dicom.p10;

import java.util.Objects;

/**
 * The outcome of classifying one object for DICOM Part 10 compliance (PS3.10 §7) against what AWS
 * HealthImaging imports (docs/aws-healthimaging.md §5.2, §9).
 *
 * @param compliant  true when the object can go to an AHI import job
 * @param reason     why it cannot, or null when compliant
 * @param message    what and where, for people: tag as (gggg,eeee) and byte offset; never patient data
 * @param tag        the tag the verdict is about, or -1
 * @param offset     byte offset the verdict is about, or -1 (in inflated bytes for deflated data sets)
 * @param bytesRead  bytes actually pulled from the source stream, buffering included
 * @param size       the object's size when known, else -1
 * @param attributes what could be extracted, possibly partial for non-compliant objects
 */
public record P10Verdict(boolean compliant, P10Reason reason, String message, int tag, long offset,
        long bytesRead, long size, P10Attributes attributes) {

    public P10Verdict {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(attributes, "attributes");
        if (compliant != (reason == null)) {
            throw new IllegalArgumentException("a verdict has a reason exactly when it is not compliant");
        }
    }

    /** The reason's name, or null when compliant (convenient for headers and JSON). */
    public String reasonCode() {
        return reason == null ? null : reason.name();
    }
}
