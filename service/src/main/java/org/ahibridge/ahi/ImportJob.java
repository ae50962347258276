package org.ahibridge.ahi;

import java.time.Instant;

/**
 * What AHI reports about an import job (StartDICOMImportJob / GetDICOMImportJob responses, docs/aws-healthimaging.md
 * §2.1).
 * {@code inputS3Uri} and {@code outputS3Uri} are null in a start response; {@code message} is set when
 * the job failed.
 */
public record ImportJob(String datastoreId, String jobId, ImportJobStatus status, String inputS3Uri,
        String outputS3Uri, String message, Instant submittedAt, Instant endedAt) {
}
