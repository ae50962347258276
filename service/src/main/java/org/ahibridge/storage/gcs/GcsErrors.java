package org.ahibridge.storage.gcs;

import java.io.IOException;

import org.ahibridge.storage.StorageException;

import com.google.cloud.BaseServiceException;

/**
 * Translates GCS client exceptions into {@link StorageException}, so no Google type leaves this
 * package. Transient: throttling (429), server errors (5xx), request timeouts (408), and failures
 * without an HTTP answer (code 0: connection refused or reset), and whatever the client itself calls
 * retryable.
 */
final class GcsErrors {

    private GcsErrors() {
    }

    static boolean isNotFound(BaseServiceException e) {
        return e.getCode() == 404;
    }

    static boolean isTransient(BaseServiceException e) {
        int code = e.getCode();
        return e.isRetryable() || code == 0 || code == 408 || code == 429 || code >= 500
                || e.getCause() instanceof IOException;
    }

    static StorageException translate(String action, String where, BaseServiceException e) {
        String detail = e.getCode() > 0 ? "HTTP " + e.getCode() + (e.getReason() == null ? "" : " " + e.getReason())
                + ": " + e.getMessage() : String.valueOf(e.getMessage());
        return new StorageException("GCS " + action + " of " + where + " failed: " + detail, isTransient(e), e);
    }

    /** For stream reads, which may only throw IOException: the same message, the cause kept. */
    static IOException asIoException(String where, BaseServiceException e) {
        return new IOException(translate("read", where, e).getMessage(), e);
    }
}
