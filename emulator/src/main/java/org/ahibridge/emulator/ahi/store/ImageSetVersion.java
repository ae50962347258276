package org.ahibridge.emulator.ahi.store;

/** One version of an image set (service model ImageSetProperties); its metadata is in the blob store. */
public record ImageSetVersion(int versionId, String state, String workflowStatus, boolean primary, long createdAt,
        long updatedAt, long deletedAt, String message, boolean forced) {
}
