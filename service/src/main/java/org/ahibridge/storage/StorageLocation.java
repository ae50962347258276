package org.ahibridge.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a storage's objects live: for {@code s3} a bucket and a key prefix (empty, or ending with
 * '/'); for {@code file} a folder; for {@code azure-blob} {@code account/container} and a prefix; for
 * {@code gcs} a bucket and a prefix. Parsed from URIs by {@link StorageUris}.
 */
public record StorageLocation(StorageProvider provider, String container, String path) {

    public StorageLocation {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(path, "path");
        if (provider != StorageProvider.FILE) {
            Objects.requireNonNull(container, "container");
        }
    }

    /** The location as a URI string: {@code s3://bucket/prefix/}, {@code file:/abs/folder}, ... */
    public String uri() {
        return switch (provider) {
            case S3 -> "s3://" + container + "/" + path;
            case FILE -> "file:" + folder();
            case AZURE_BLOB -> "azure-blob://" + container + "/" + path;
            case GCS -> "gs://" + container + "/" + path;
        };
    }

    /** The folder of a {@code file} location, absolute and normalised. */
    public Path folder() {
        return Path.of(path).toAbsolutePath().normalize();
    }

    /** True when {@code other} is this location or lies inside it. */
    public boolean contains(StorageLocation other) {
        if (provider != other.provider) {
            return false;
        }
        if (provider == StorageProvider.FILE) {
            return other.folder().startsWith(folder());
        }
        return container.equals(other.container) && other.path.startsWith(path);
    }

    /** The part of {@code other}'s path below this location; call only when {@link #contains} holds. */
    public String relativePath(StorageLocation other) {
        if (provider == StorageProvider.FILE) {
            String relative = folder().relativize(other.folder()).toString().replace('\\', '/');
            return relative.isEmpty() ? "" : relative + "/";
        }
        return other.path.substring(path.length());
    }

    @Override
    public String toString() {
        return uri();
    }
}
