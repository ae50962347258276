package org.ahibridge.storage;

import java.util.Objects;

import org.ahibridge.storage.gcs.GcsConnection;

/**
 * A registered storage (DESIGN.md §2): a name, a location (which fixes the provider) and an access
 * mode, plus the S3 connection for {@code s3} locations and the GCS connection for {@code gcs} ones. Ad-hoc storages built from a URI on the
 * command line are registrations too, named after the URI.
 */
public record StorageRegistration(String name, StorageLocation location, AccessMode access,
        S3Connection s3, boolean adHoc, GcsConnection gcs) {

    public StorageRegistration(String name, StorageLocation location, AccessMode access, S3Connection s3,
            boolean adHoc) {
        this(name, location, access, s3, adHoc, null);
    }

    public StorageRegistration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(access, "access");
        if (location.provider() == StorageProvider.S3) {
            Objects.requireNonNull(s3, "s3 connection");
        }
        if (location.provider() == StorageProvider.GCS && gcs == null) {
            gcs = GcsConnection.DEFAULT;
        }
    }

    public StorageProvider provider() {
        return location.provider();
    }

    /** Where to change this registration: its configuration key prefix. */
    public String configurationKey() {
        return adHoc ? "(ad-hoc storage " + name + ")" : "ahibridge.storages." + name;
    }
}
