package org.ahibridge.storage;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link BlobStore} that enforces its registration's access mode on every call, so that no code path
 * can read a write-only storage or write a read-only one even when a caller forgot the up-front
 * {@link AccessGuard} check.
 */
public final class GuardedBlobStore implements BlobStore {

    private final BlobStore delegate;
    private final StorageRegistration registration;

    public GuardedBlobStore(BlobStore delegate, StorageRegistration registration) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.registration = Objects.requireNonNull(registration, "registration");
    }

    /** The provider behind any guard, for provider-specific shortcuts such as server-side copy. */
    public static BlobStore unwrap(BlobStore store) {
        return store instanceof GuardedBlobStore guarded ? guarded.delegate : store;
    }

    public StorageRegistration registration() {
        return registration;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public ListPage list(String prefix, String token, int maxKeys) {
        AccessGuard.requireReadable(registration, "(listing)");
        return delegate.list(prefix, token, maxKeys);
    }

    // Metadata only, and a destination needs it too (overwrite policies), so any mode may stat.
    @Override
    public Optional<BlobInfo> stat(String key) {
        return delegate.stat(key);
    }

    @Override
    public InputStream openRange(String key, long from, long to) {
        AccessGuard.requireReadable(registration, "(reading " + key + ")");
        return delegate.openRange(key, from, to);
    }

    @Override
    public InputStream open(String key) {
        AccessGuard.requireReadable(registration, "(reading " + key + ")");
        return delegate.open(key);
    }

    @Override
    public BlobInfo write(String key, InputStream content, long size) {
        AccessGuard.requireWritable(registration, "(writing " + key + ")");
        return delegate.write(key, content, size);
    }

    @Override
    public boolean copyServerSide(BlobStore source, String sourceKey, String targetKey) {
        AccessGuard.requireWritable(registration, "(copying to " + targetKey + ")");
        if (source instanceof GuardedBlobStore guardedSource) {
            AccessGuard.requireReadable(guardedSource.registration, "(copying " + sourceKey + ")");
        }
        return delegate.copyServerSide(source, sourceKey, targetKey);
    }

    @Override
    public void delete(String key) {
        AccessGuard.requireWritable(registration, "(deleting " + key + ")");
        delegate.delete(key);
    }

    @Override
    public TaggingResult tag(String key, Map<String, String> tags) {
        AccessGuard.requireWritable(registration, "(tagging " + key + ")");
        return delegate.tag(key, tags);
    }
}
