package org.ahibridge.exporting;

import java.time.Instant;

/**
 * One image set as SearchImageSets lists it (AHI.md §3, {@code ImageSetsMetadataSummary}), in our
 * words: ids, times, the primary flag and the DICOM tags the export filters on. Patient data here
 * is used for filtering only and never logged or audited.
 */
public record ImageSetSummary(String imageSetId, int version, Instant createdAt, Instant updatedAt,
        Boolean isPrimary, String patientId, String accessionNumber, String studyId, String studyInstanceUid,
        String seriesInstanceUid, String studyDate) {
}
