package org.ahibridge.storage;

/**
 * Checks access modes before any data moves (DESIGN.md §2). Every check throws
 * {@link AccessModeException} with a message that says which registration refused what, and how to
 * change it.
 */
public final class AccessGuard {

    private AccessGuard() {
    }

    /** The storage may be read (a source of an import, a destination's existing objects). */
    public static void requireReadable(StorageRegistration storage, String purpose) {
        if (!storage.access().canRead()) {
            throw refused("storage", storage.name(), storage.access(), "read", purpose,
                    storage.configurationKey() + ".access");
        }
    }

    /** The storage may be written (a staging area, an export destination). */
    public static void requireWritable(StorageRegistration storage, String purpose) {
        if (!storage.access().canWrite()) {
            throw refused("storage", storage.name(), storage.access(), "write", purpose,
                    storage.configurationKey() + ".access");
        }
    }

    /**
     * Everything an import from {@code source} into {@code datastore} needs: read the source, write the
     * datastore, write its staging location and read its output location.
     */
    public static void requireImport(StorageRegistration source, DatastoreRegistration datastore) {
        requireReadable(source, "as an import source");
        if (!datastore.access().canWrite()) {
            throw refused("datastore", datastore.name(), datastore.access(), "write", "by an import",
                    datastore.configurationKey() + ".access");
        }
        requireWritable(datastore.requireStaging(), "as the staging area of datastore '" + datastore.name() + "'");
        requireReadable(datastore.requireOutput(), "as the import output of datastore '" + datastore.name() + "'");
    }

    /** An export from {@code datastore} into {@code destination}. */
    public static void requireExport(DatastoreRegistration datastore, StorageRegistration destination) {
        if (!datastore.access().canRead()) {
            throw refused("datastore", datastore.name(), datastore.access(), "read", "by an export",
                    datastore.configurationKey() + ".access");
        }
        requireWritable(destination, "as an export destination");
    }

    private static AccessModeException refused(String kind, String name, AccessMode mode, String verb,
            String purpose, String key) {
        String allowed = mode == AccessMode.READ ? "read-only" : "write-only";
        return new AccessModeException(kind + " '" + name + "' is registered " + allowed + " (access: "
                + mode.label() + "), so it cannot be " + (verb.equals("read") ? "read" : "written") + " "
                + purpose + "; nothing was transferred. To allow it, set " + key + " to read-write.");
    }
}
