package org.ahibridge.ahi;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The AHI operations ahi-bridge uses, in both directions, in our words (docs/design.md §4). Implementations
 * pace calls below AHI's limits, retry transient failures with one policy ({@link AhiRetry}) and translate
 * what still fails into {@link AhiThrottledException} (worth retrying later) or {@link AhiRejectedException}
 * (retrying the same request cannot help), so no AWS SDK type leaks out. The read operations have defaults
 * only so that test doubles of the import need not script them; {@link AhiTemplate} implements them all.
 */
public interface AhiOperations {

    /**
     * Starts a DICOM import job
     * (<a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_StartDICOMImportJob.html">StartDICOMImportJob</a>).
     */
    ImportJob startImportJob(ImportJobRequest request);

    /**
     * Reads an import job's properties
     * (<a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_GetDICOMImportJob.html">GetDICOMImportJob</a>).
     */
    ImportJob getImportJob(String datastoreId, String jobId);

    /**
     * One page of SearchImageSets (docs/aws-healthimaging.md §3) with up to two filters; {@code nextToken} null
     * for the first.
     */
    default ImageSetPage searchImageSets(String datastoreId, List<SearchTerm> filters, String nextToken) {
        throw new UnsupportedOperationException("SearchImageSets is not offered by " + getClass().getSimpleName());
    }

    /**
     * The datastore's status as AHI reports it
     * (<a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_GetDatastore.html">GetDatastore</a>):
     * {@code ACTIVE}, {@code CREATING}, {@code DELETING}, ... One attempt, bounded in time: it answers a health
     * check, which must neither wait out a retry policy nor add retried calls to AHI's quota.
     */
    default String datastoreStatus(String datastoreId) {
        throw new UnsupportedOperationException("GetDatastore is not offered by " + getClass().getSimpleName());
    }

    /** GetImageSet: the latest version and primary flag of one image set. */
    default ImageSetSummary getImageSet(String datastoreId, String imageSetId) {
        throw new UnsupportedOperationException("GetImageSet is not offered by " + getClass().getSimpleName());
    }

    /** GetImageSetMetadata of one version, gunzipped and parsed (docs/aws-healthimaging.md §4.1). */
    default JsonNode getImageSetMetadata(String datastoreId, String imageSetId, int version) {
        throw new UnsupportedOperationException("GetImageSetMetadata is not offered by "
                + getClass().getSimpleName());
    }

    /** GetImageFrame: the frame as stored (docs/aws-healthimaging.md §5.1). */
    default ImageFrame getImageFrame(String datastoreId, String imageSetId, String imageFrameId) {
        throw new UnsupportedOperationException("GetImageFrame is not offered by " + getClass().getSimpleName());
    }
}
