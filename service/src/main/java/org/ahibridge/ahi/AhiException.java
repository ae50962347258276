package org.ahibridge.ahi;

/** An AHI call failed; the subclass says whether retrying can help. Messages carry ids, never patient data. */
public abstract class AhiException extends RuntimeException {

    private final String operation;
    private final String errorCode;
    private final int statusCode;

    protected AhiException(String operation, String errorCode, int statusCode, String message, Throwable cause) {
        super(operation + " failed: " + (errorCode == null ? "" : errorCode + " ")
                + (statusCode > 0 ? "(HTTP " + statusCode + ") " : "") + message, cause);
        this.operation = operation;
        this.errorCode = errorCode;
        this.statusCode = statusCode;
    }

    public String operation() {
        return operation;
    }

    /** The AHI error code, e.g. {@code ThrottlingException}; null for connection failures. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int statusCode() {
        return statusCode;
    }
}
