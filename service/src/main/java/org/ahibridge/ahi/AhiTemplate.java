package org.ahibridge.ahi;

import java.util.Objects;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.DICOMImportJobProperties;
import software.amazon.awssdk.services.medicalimaging.model.StartDicomImportJobResponse;

/**
 * {@link AhiOperations} over the AWS SDK's {@link MedicalImagingClient}. StartDICOMImportJob calls are
 * paced by a {@link TokenBucket} (AHI throttles them at 1 per second, burst 2); the cap on concurrent
 * jobs per datastore needs the ledger and lives in the importer.
 */
public final class AhiTemplate implements AhiOperations {

    static final String START = "StartDICOMImportJob";
    static final String GET = "GetDICOMImportJob";

    private final MedicalImagingClient client;
    private final TokenBucket starts;

    public AhiTemplate(MedicalImagingClient client, TokenBucket starts) {
        this.client = Objects.requireNonNull(client, "client");
        this.starts = Objects.requireNonNull(starts, "starts");
    }

    @Override
    public ImportJob startImportJob(ImportJobRequest request) {
        try {
            starts.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AhiThrottledException(START, null, 0, "interrupted while waiting for the start pace", e);
        }
        try {
            StartDicomImportJobResponse response = client.startDICOMImportJob(b -> b.datastoreId(request.datastoreId())
                    .jobName(request.jobName()).clientToken(request.clientToken())
                    .dataAccessRoleArn(request.dataAccessRoleArn()).inputS3Uri(request.inputS3Uri())
                    .outputS3Uri(request.outputS3Uri()));
            return new ImportJob(response.datastoreId(), response.jobId(), status(response.jobStatusAsString()),
                    request.inputS3Uri(), null, null, response.submittedAt(), null);
        } catch (SdkException e) {
            throw AhiErrors.translate(START, e);
        }
    }

    @Override
    public ImportJob getImportJob(String datastoreId, String jobId) {
        try {
            DICOMImportJobProperties job = client.getDICOMImportJob(b -> b.datastoreId(datastoreId).jobId(jobId))
                    .jobProperties();
            return new ImportJob(job.datastoreId(), job.jobId(), status(job.jobStatusAsString()), job.inputS3Uri(),
                    job.outputS3Uri(), job.message(), job.submittedAt(), job.endedAt());
        } catch (SdkException e) {
            throw AhiErrors.translate(GET, e);
        }
    }

    static ImportJobStatus status(String value) {
        try {
            return value == null ? ImportJobStatus.UNKNOWN : ImportJobStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            return ImportJobStatus.UNKNOWN;
        }
    }
}
