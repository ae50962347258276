package org.ahibridge.storage;

import java.util.Objects;

import org.ahibridge.storage.gcs.GcsConnection;

/**
 * A registered storage (docs/design.md §2): a name, a location (which fixes the provider) and an access
 * mode, plus the connection of its provider: {@code s3} for S3 locations, {@code azure} for
 * {@code azure-blob} ones, {@code gcs} for {@code gcs} ones (the others are null). Ad-hoc storages built
 * from a URI on the command line are registrations too, named after the URI.
 */
public record StorageRegistration(String name, StorageLocation location, AccessMode access,
        S3Connection s3, boolean adHoc, AzureConnection azure, GcsConnection gcs) {

    /** A registration of a provider without an Azure connection ({@code gcs} gets its default one). */
    public StorageRegistration(String name, StorageLocation location, AccessMode access, S3Connection s3,
            boolean adHoc) {
        this(name, location, access, s3, adHoc, null, null);
    }

    /** An {@code azure-blob} registration (or any other provider when {@code azure} is null). */
    public StorageRegistration(String name, StorageLocation location, AccessMode access, S3Connection s3,
            boolean adHoc, AzureConnection azure) {
        this(name, location, access, s3, adHoc, azure, null);
    }

    /** A {@code gcs} registration (or any other provider when {@code gcs} is null). */
    public StorageRegistration(String name, StorageLocation location, AccessMode access, S3Connection s3,
            boolean adHoc, GcsConnection gcs) {
        this(name, location, access, s3, adHoc, null, gcs);
    }

    public StorageRegistration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(access, "access");
        if (location.provider() == StorageProvider.S3) {
            Objects.requireNonNull(s3, "s3 connection");
        }
        if (location.provider() == StorageProvider.AZURE_BLOB) {
            Objects.requireNonNull(azure, "azure connection");
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
