package org.ahibridge.storage;

/**
 * A storage operation failed. {@link #isTransient()} tells retry logic whether trying again may help
 * (a 5xx answer, throttling, a broken connection) or not (missing object, access denied).
 */
public class StorageException extends RuntimeException {

    private final boolean transientFault;

    public StorageException(String message, boolean transientFault, Throwable cause) {
        super(message, cause);
        this.transientFault = transientFault;
    }

    public StorageException(String message) {
        this(message, false, null);
    }

    public boolean isTransient() {
        return transientFault;
    }
}
