package org.ahibridge.ahi;

import java.util.Objects;

/**
 * The arguments of StartDICOMImportJob (docs/aws-healthimaging.md §2.1). The client token is the batch id, so starting
 * the same batch twice (after a crash or a retry) returns the same job instead of a second one.
 */
public record ImportJobRequest(String datastoreId, String jobName, String clientToken, String dataAccessRoleArn,
        String inputS3Uri, String outputS3Uri) {

    public ImportJobRequest {
        Objects.requireNonNull(datastoreId, "datastoreId");
        Objects.requireNonNull(clientToken, "clientToken");
        Objects.requireNonNull(dataAccessRoleArn, "dataAccessRoleArn");
        Objects.requireNonNull(inputS3Uri, "inputS3Uri");
        Objects.requireNonNull(outputS3Uri, "outputS3Uri");
    }
}
