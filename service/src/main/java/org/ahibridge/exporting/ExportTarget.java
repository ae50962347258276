package org.ahibridge.exporting;

import org.ahibridge.storage.BlobStore;

/**
 * Where and how an export writes: the destination store (guarded by its access mode), its name for
 * the audit, the key prefix inside it, the path template, the overwrite policy, and the source
 * datastore's registration name and id (the id fills {@code {DatastoreID}}).
 */
public record ExportTarget(BlobStore store, String name, String prefix, PathTemplate template,
        OverwritePolicy policy, String datastore, String datastoreId) {

    public ExportTarget {
        prefix = prefix == null ? "" : prefix;
    }
}
