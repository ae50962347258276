package org.ahibridge.emulator.ahi;

/**
 * An AWS HealthImaging error: HTTP status, error type and message (docs/aws-healthimaging.md §2.2, service model error
 * shapes). Handlers throw it; {@link AhiHttpServer} turns it into the rest-json error response.
 */
public final class AhiError extends RuntimeException {

    private final int status;
    private final String type;

    public AhiError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public static AhiError validation(String message) {
        return new AhiError(400, "ValidationException", message);
    }

    /** The model gives BadRequestException ("The request is invalid or malformed") to GetImageFrame only. */
    public static AhiError badRequest(String message) {
        return new AhiError(400, "BadRequestException", message);
    }

    public static AhiError notFound(String message) {
        return new AhiError(404, "ResourceNotFoundException", message);
    }

    public static AhiError conflict(String message) {
        return new AhiError(409, "ConflictException", message);
    }

    public static AhiError throttling(String message) {
        return new AhiError(429, "ThrottlingException", message);
    }

    /** The model gives ServiceQuotaExceededException HTTP 402. */
    public static AhiError quotaExceeded(String message) {
        return new AhiError(402, "ServiceQuotaExceededException", message);
    }

    public static AhiError notAcceptable(String message) {
        return new AhiError(406, "NotAcceptableException", message);
    }

    public static AhiError internal(String message) {
        return new AhiError(500, "InternalServerException", message);
    }

    public static AhiError accessDenied(String message) {
        return new AhiError(403, "AccessDeniedException", message);
    }
}
