package org.ahibridge.storage;

/**
 * Whether {@link BlobStore#tag} stored the tags. Tags are optional metadata (the ledger is the record
 * of truth), so a storage that cannot tag answers {@link #UNSUPPORTED} instead of failing the file.
 */
public enum TaggingResult {
    APPLIED,
    UNSUPPORTED
}
