package org.ahibridge.ahi;

/**
 * The AHI operations ahi-bridge uses, in our words (docs/design.md §4). Implementations translate
 * every failure into {@link AhiThrottledException} (worth retrying with backoff) or
 * {@link AhiRejectedException} (retrying the same request cannot help), so no AWS SDK type leaks out.
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
}
