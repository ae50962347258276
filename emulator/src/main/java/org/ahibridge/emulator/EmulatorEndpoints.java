package org.ahibridge.emulator;

import java.net.URI;

/**
 * Where the emulated services answer. AHI and EventBridge share one port (EventBridge requests are
 * told apart by their {@code X-Amz-Target} header); AHI's DICOMweb endpoint has a port of its own, as AWS
 * gives it a host of its own (docs/aws-healthimaging.md §10).
 *
 * @param dicomWeb the DICOMweb endpoint; null where the caller did not learn it (the 6-argument constructor)
 */
public record EmulatorEndpoints(URI ahi, URI eventBridge, URI s3, URI sqs, String region, String accountId,
        URI dicomWeb) {

    /** Endpoints without the DICOMweb one, for callers that start or read only the others. */
    public EmulatorEndpoints(URI ahi, URI eventBridge, URI s3, URI sqs, String region, String accountId) {
        this(ahi, eventBridge, s3, sqs, region, accountId, null);
    }
}
