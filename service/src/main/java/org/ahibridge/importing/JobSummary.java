package org.ahibridge.importing;

import java.util.List;

/** {@code jobSummary} of {@code job-output-manifest.json} (docs/aws-healthimaging.md §6); counts are null when
 * absent. */
public record JobSummary(String jobId, String datastoreId, String inputS3Uri, String outputS3Uri,
        Integer numberOfScannedFiles, Integer numberOfImportedFiles, Integer numberOfFilesWithCustomerError,
        Integer numberOfFilesWithServerError, Integer numberOfGeneratedImageSets, List<ImageSetSummary> imageSets) {

    /** One entry of {@code imageSetsSummary}. */
    public record ImageSetSummary(String imageSetId, Integer imageSetVersion, Boolean isPrimary,
            Integer numberOfMatchedSopInstances) {
    }
}
