package org.ahibridge.ahi;

import java.util.Locale;
import java.util.Set;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Translates SDK exceptions at the AHI boundary (docs/aws-healthimaging.md §2.2): throttling, quota, 5xx, connection
 * errors and a ConflictException saying the data is "not consistent yet" become
 * {@link AhiThrottledException}; everything else becomes {@link AhiRejectedException}.
 */
final class AhiErrors {

    private static final Set<String> RETRYABLE_CODES = Set.of("ThrottlingException", "ServiceQuotaExceededException",
            "InternalServerException", "ServiceUnavailableException", "RequestTimeout", "RequestTimeoutException");

    private AhiErrors() {
    }

    static AhiException translate(String operation, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null || service.awsErrorDetails().errorMessage() == null
                    ? String.valueOf(service.getMessage()) : service.awsErrorDetails().errorMessage();
            int status = service.statusCode();
            boolean retryable = status >= 500 || status == 429 || (code != null && RETRYABLE_CODES.contains(code))
                    || service.isThrottlingException()
                    || ("ConflictException".equals(code) && message.toLowerCase(Locale.ROOT).contains("not consistent yet"));
            return retryable ? new AhiThrottledException(operation, code, status, message, e)
                    : new AhiRejectedException(operation, code, status, message, e);
        }
        if (e instanceof SdkClientException) {
            return new AhiThrottledException(operation, null, 0, "no answer from AHI: " + e.getMessage(), e);
        }
        return new AhiRejectedException(operation, null, 0, String.valueOf(e.getMessage()), e);
    }
}
