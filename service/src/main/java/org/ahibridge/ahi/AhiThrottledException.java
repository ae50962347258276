package org.ahibridge.ahi;

/**
 * A transient AHI failure, to retry with backoff: ThrottlingException, ServiceQuotaExceededException
 * (e.g. too many concurrent import jobs), HTTP 5xx, connection errors, and ConflictException "... not
 * consistent yet" (docs/design.md §8; docs/aws-healthimaging.md §2.2).
 */
public class AhiThrottledException extends AhiException {

    public AhiThrottledException(String operation, String errorCode, int statusCode, String message, Throwable cause) {
        super(operation, errorCode, statusCode, message, cause);
    }
}
