package org.ahibridge.storage;

import java.util.Locale;

/**
 * The blob storage providers of docs/design.md §2.
 */
public enum StorageProvider {
    S3("s3", true),
    FILE("file", true),
    AZURE_BLOB("azure-blob", true),
    GCS("gcs", true);

    private final String label;
    private final boolean available;

    StorageProvider(String label, boolean available) {
        this.label = label;
        this.available = available;
    }

    public String label() {
        return label;
    }

    public boolean available() {
        return available;
    }

    public static StorageProvider parse(String value) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (StorageProvider provider : values()) {
            if (provider.label.equals(normalized)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a storage provider; use s3, azure-blob, gcs"
                + " or file");
    }

    @Override
    public String toString() {
        return label;
    }
}
