package org.ahibridge.ahi;

/**
 * AHI refused the request and the same request will be refused again: ValidationException,
 * AccessDeniedException, ResourceNotFoundException, other ConflictExceptions (docs/aws-healthimaging.md §2.2). The
 * cause
 * must be fixed (configuration, permissions, data) before a re-drive.
 */
public class AhiRejectedException extends AhiException {

    public AhiRejectedException(String operation, String errorCode, int statusCode, String message, Throwable cause) {
        super(operation, errorCode, statusCode, message, cause);
    }
}
