package org.ahibridge.storage;

import org.ahibridge.storage.AccessRules.Reach;

/**
 * The up-front access checks of a command or route, before any data moves (docs/design.md §2). Storage
 * checks go through the selection's {@link AccessRules}, so a source or destination that overlaps a
 * registration obeys that registration's mode too; every check throws {@link AccessModeException} with
 * a message that says which registration refused what, and how to change it.
 */
public final class AccessGuard {

    private AccessGuard() {
    }

    /**
     * Everything an import from {@code source} into {@code datastore} needs: read the whole source (and
     * any registration inside it), write the datastore, write its staging location and read its output
     * location.
     */
    public static void requireImport(StorageSelection source, DatastoreRegistration datastore) {
        AccessRules rules = source.rules();
        rules.requireReadable(source.registration(), source.prefix(), Reach.TREE, "as an import source");
        if (!datastore.access().canWrite()) {
            throw refused(datastore, "write", "by an import");
        }
        rules.requireWritable(datastore.requireStaging(), "", Reach.FOLDER,
                "as the staging area of datastore '" + datastore.name() + "'");
        rules.requireReadable(datastore.requireOutput(), "", Reach.FOLDER,
                "as the import output of datastore '" + datastore.name() + "'");
    }

    /**
     * An export from {@code datastore} into {@code destination}: the destination folder must be writable;
     * each key the path template gives is checked again when it is written ({@link GuardedBlobStore}).
     */
    public static void requireExport(DatastoreRegistration datastore, StorageSelection destination) {
        if (!datastore.access().canRead()) {
            throw refused(datastore, "read", "by an export");
        }
        destination.rules().requireWritable(destination.registration(), destination.prefix(), Reach.FOLDER,
                "as an export destination");
    }

    private static AccessModeException refused(DatastoreRegistration datastore, String verb, String purpose) {
        String allowed = datastore.access() == AccessMode.READ ? "read-only" : "write-only";
        return new AccessModeException("datastore '" + datastore.name() + "' is registered " + allowed
                + " (access: " + datastore.access().label() + "), so it cannot be "
                + (verb.equals("read") ? "read" : "written") + " " + purpose + "; nothing was transferred. To allow"
                + " it, set " + datastore.configurationKey() + ".access to read-write.");
    }
}
