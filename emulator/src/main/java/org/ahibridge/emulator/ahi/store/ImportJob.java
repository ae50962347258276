package org.ahibridge.emulator.ahi.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A DICOM import job (service model DICOMImportJobProperties). {@code outputS3Uri} is the caller's
 * prefix; {@code jobOutputS3Uri} the job folder {@code {outputS3Uri}/{datastoreId}-DicomImport-{jobId}/}
 * that GetDICOMImportJob reports (docs/aws-healthimaging.md §2.1, §6). {@code importConfiguration} is the validated
 * ImportConfiguration union as the caller sent it, or null. Times in epoch milliseconds, 0 when unset.
 */
public record ImportJob(String id, String datastoreId, String name, String status, String dataAccessRoleArn,
        String inputS3Uri, String outputS3Uri, String jobOutputS3Uri, String inputOwnerAccountId,
        long submittedAt, long endedAt, String message, String clientToken, JsonNode importConfiguration) {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    public ImportJob withStatus(String newStatus, long endedAtMillis, String newMessage) {
        return new ImportJob(id, datastoreId, name, newStatus, dataAccessRoleArn, inputS3Uri, outputS3Uri,
                jobOutputS3Uri, inputOwnerAccountId, submittedAt, endedAtMillis, newMessage, clientToken,
                importConfiguration);
    }

    public boolean running() {
        return status.equals(SUBMITTED) || status.equals(IN_PROGRESS);
    }
}
