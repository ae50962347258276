package org.ahibridge.ahi;

import java.time.Instant;

/**
 * One image set as SearchImageSets lists it (docs/aws-healthimaging.md §3, {@code ImageSetsMetadataSummary}), in our
 * words: ids, times, the primary flag and the DICOM tags the export filters on. Patient data here
 * is used for filtering only and never logged or audited.
 */
public record ImageSetSummary(String imageSetId, int version, Instant createdAt, Instant updatedAt,
        Boolean isPrimary, String patientId, String accessionNumber, String studyId, String studyInstanceUid,
        String seriesInstanceUid, String studyDate) {

    /** Ids only: the DICOM tags carry patient data that must not reach a log. */
    @Override
    public String toString() {
        return "ImageSetSummary[" + imageSetId + " v" + version + (Boolean.TRUE.equals(isPrimary) ? " primary" : "") + "]";
    }
}
