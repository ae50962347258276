package org.ahibridge.storage.azure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;

import org.ahibridge.storage.StorageException;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;

/**
 * Translates Azure SDK exceptions into {@link StorageException}, so SDK types stay in this package.
 * Messages carry the status and Azure error code, never the request URL (it may hold a SAS token) nor
 * the raw response body.
 */
final class AzureErrors {

    private AzureErrors() {
    }

    static boolean isNotFound(RuntimeException e) {
        return e instanceof BlobStorageException blob && blob.getStatusCode() == 404;
    }

    static boolean isInvalidRange(RuntimeException e) {
        return e instanceof BlobStorageException blob
                && (blob.getStatusCode() == 416 || BlobErrorCode.INVALID_RANGE.equals(blob.getErrorCode()));
    }

    /**
     * True when the account cannot hold blob index tags: Azurite and other emulators answer 501 or an
     * unsupported-feature code, accounts with a hierarchical namespace answer 409 with
     * {@code FeatureNotYetSupportedForHierarchicalNamespaceAccounts}.
     */
    static boolean isTaggingUnsupported(RuntimeException e) {
        if (!(e instanceof BlobStorageException blob)) {
            return false;
        }
        String code = blob.getErrorCode() == null ? "" : blob.getErrorCode().toString();
        return blob.getStatusCode() == 501 || code.contains("NotSupported") || code.contains("NotYetSupported")
                || code.equals("NotImplemented");
    }

    static StorageException translate(String action, String where, RuntimeException e) {
        if (e instanceof BlobStorageException blob) {
            int status = blob.getStatusCode();
            String detail = "HTTP " + status + " " + (blob.getErrorCode() == null ? "" : blob.getErrorCode())
                    + firstLine(blob.getServiceMessage());
            return new StorageException("Azure " + action + " of " + where + " failed: " + detail,
                    isTransientStatus(status), e);
        }
        if (e instanceof ClientAuthenticationException) {
            // No credentials in the chain, or Entra ID refused them: retrying cannot help.
            return new StorageException("Azure " + action + " of " + where + " failed: no usable credentials"
                    + firstLine(e.getMessage()) + "; set AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_KEY,"
                    + " AZURE_STORAGE_SAS_TOKEN or an Entra ID identity", false, e);
        }
        if (e instanceof HttpResponseException http && http.getResponse() != null) {
            int status = http.getResponse().getStatusCode();
            return new StorageException("Azure " + action + " of " + where + " failed: HTTP " + status,
                    isTransientStatus(status), e);
        }
        // Broken connections, timeouts, DNS: the request never got an answer, so trying again may help.
        // Anything else (a bearer token refused over http, a bad argument) fails the same way every time.
        return new StorageException("Azure " + action + " of " + where + " failed: " + describe(e),
                isNetworkFault(e), e);
    }

    private static boolean isNetworkFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    static StorageException translate(String action, String where, IOException e) {
        if (e.getCause() instanceof RuntimeException cause && !(cause instanceof UncheckedIOException)) {
            return translate(action, where, cause);
        }
        return new StorageException("Azure " + action + " of " + where + " failed: " + describe(e), true, e);
    }

    static boolean isTransientStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String kind = root instanceof TimeoutException ? "timed out" : root.getClass().getSimpleName();
        return kind + firstLine(root.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
    }
}
