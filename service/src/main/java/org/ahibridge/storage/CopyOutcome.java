package org.ahibridge.storage;

/**
 * How a copy conditional on the source's version went ({@link BlobTransfer#copyIfUnchanged}). A changed or
 * vanished source is an answer, not an error: the caller records it against the version it expected.
 */
public enum CopyOutcome {
    /** Copied inside the provider; no content bytes passed through this process. */
    COPIED_SERVER_SIDE,
    /** Streamed through this process (different providers or endpoints). */
    COPIED_STREAMED,
    /** The source exists in another version than the one expected; nothing was written. */
    SOURCE_CHANGED,
    /** The source no longer exists; nothing was written. */
    SOURCE_MISSING,
    /** No server-side copy is possible between the two stores; nothing was written or checked. */
    NOT_SERVER_SIDE;

    public boolean copied() {
        return this == COPIED_SERVER_SIDE || this == COPIED_STREAMED;
    }
}
