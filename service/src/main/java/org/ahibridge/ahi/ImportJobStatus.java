package org.ahibridge.ahi;

/** An import job's {@code jobStatus} (docs/aws-healthimaging.md §2.1); {@link #UNKNOWN} for a value this version does
 * not know. */
public enum ImportJobStatus {
    SUBMITTED,
    IN_PROGRESS,
    COMPLETED,
    FAILED,
    UNKNOWN;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED;
    }
}
