package org.ahibridge.storage;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Translates S3 SDK exceptions into {@link StorageException}, so SDK types stay in this package. */
final class S3Errors {

    private S3Errors() {
    }

    static boolean isNotFound(SdkException e) {
        return e instanceof AwsServiceException service && service.statusCode() == 404;
    }

    static boolean isNotImplemented(SdkException e) {
        return e instanceof AwsServiceException service && (service.statusCode() == 501
                || "NotImplemented".equals(errorCode(service)));
    }

    static StorageException translate(String action, String where, SdkException e) {
        boolean transientFault = e instanceof SdkClientException || e.retryable()
                || (e instanceof AwsServiceException service
                        && (service.statusCode() >= 500 || service.statusCode() == 429 || service.isThrottlingException()));
        String detail = e instanceof AwsServiceException service
                ? "HTTP " + service.statusCode() + " " + errorCode(service) + ": " + message(service)
                : e.getMessage();
        return new StorageException("S3 " + action + " of " + where + " failed: " + detail, transientFault, e);
    }

    private static String message(AwsServiceException e) {
        return e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    }

    /** The S3 error code of a service error ({@code NoSuchKey}, {@code NoSuchBucket}...), else "". */
    static String errorCode(SdkException e) {
        return e instanceof AwsServiceException service ? errorCode(service) : "";
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    }
}
