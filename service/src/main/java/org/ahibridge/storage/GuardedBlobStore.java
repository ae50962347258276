package org.ahibridge.storage;

import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.ahibridge.storage.AccessRules.Reach;

/**
 * A {@link BlobStore} that applies the {@link AccessRules} to every call and every key, so that no code
 * path can read a write-only storage or write a read-only one, also not through another registration or
 * an ad-hoc URI whose location overlaps it, and also not when a caller forgot the up-front
 * {@link AccessGuard} check. Export keys are known only once the path template is expanded; they are
 * checked here, where they are written.
 */
public final class GuardedBlobStore implements BlobStore {

    private final BlobStore delegate;
    private final StorageRegistration registration;
    private final AccessRules rules;

    /** A store checked against its own registration's mode only. */
    public GuardedBlobStore(BlobStore delegate, StorageRegistration registration) {
        this(delegate, registration, AccessRules.NONE);
    }

    public GuardedBlobStore(BlobStore delegate, StorageRegistration registration, AccessRules rules) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.registration = Objects.requireNonNull(registration, "registration");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The provider behind any guard, for provider-specific shortcuts such as server-side copy. */
    public static BlobStore unwrap(BlobStore store) {
        return store instanceof GuardedBlobStore guarded ? guarded.delegate : store;
    }

    /**
     * Refuses, without writing anything, a key that {@code store} would refuse to write: lets a caller
     * check a key before it does expensive work for it (an export fetching frames). No-op for an
     * unguarded store.
     */
    public static void requireWritable(BlobStore store, String key) {
        if (store instanceof GuardedBlobStore guarded) {
            guarded.rules.requireWritable(guarded.registration, key, Reach.OBJECT, "(write)");
        }
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
        rules.requireReadable(registration, prefix, Reach.TREE, "(listing)");
        return delegate.list(prefix, token, maxKeys);
    }

    // Metadata only, and a destination needs it too (overwrite policies), so any mode may stat.
    @Override
    public Optional<BlobInfo> stat(String key) {
        return delegate.stat(key);
    }

    @Override
    public InputStream openRange(String key, long from, long to) {
        rules.requireReadable(registration, key, Reach.OBJECT, "(read)");
        return delegate.openRange(key, from, to);
    }

    @Override
    public InputStream open(String key) {
        rules.requireReadable(registration, key, Reach.OBJECT, "(read)");
        return delegate.open(key);
    }

    @Override
    public BlobInfo write(String key, InputStream content, long size) {
        rules.requireWritable(registration, key, Reach.OBJECT, "(write)");
        return delegate.write(key, content, size);
    }

    @Override
    public boolean copyServerSide(BlobStore source, String sourceKey, String targetKey) {
        rules.requireWritable(registration, targetKey, Reach.OBJECT, "(copy)");
        if (source instanceof GuardedBlobStore guardedSource) {
            guardedSource.rules.requireReadable(guardedSource.registration, sourceKey, Reach.OBJECT, "(copy)");
        }
        return delegate.copyServerSide(source, sourceKey, targetKey);
    }

    @Override
    public CopyOutcome copyServerSideIfUnchanged(BlobStore source, BlobInfo expected, String targetKey) {
        rules.requireWritable(registration, targetKey, Reach.OBJECT, "(copy)");
        if (source instanceof GuardedBlobStore guardedSource) {
            guardedSource.rules.requireReadable(guardedSource.registration, expected.key(), Reach.OBJECT, "(copy)");
        }
        return delegate.copyServerSideIfUnchanged(source, expected, targetKey);
    }

    @Override
    public void put(String key, InputStream content, long size) {
        rules.requireWritable(registration, key, Reach.OBJECT, "(write)");
        delegate.put(key, content, size);
    }

    @Override
    public void putFrom(BlobStore source, String sourceKey, String key, long size) {
        rules.requireWritable(registration, key, Reach.OBJECT, "(write)");
        delegate.putFrom(source, sourceKey, key, size);
    }

    @Override
    public void delete(String key) {
        rules.requireWritable(registration, key, Reach.OBJECT, "(delete)");
        delegate.delete(key);
    }

    @Override
    public int deleteAll(Collection<String> keys) {
        keys.forEach(key -> rules.requireWritable(registration, key, Reach.OBJECT, "(delete)"));
        return delegate.deleteAll(keys);
    }

    @Override
    public TaggingResult tag(String key, Map<String, String> tags) {
        rules.requireWritable(registration, key, Reach.OBJECT, "(tagging)");
        return delegate.tag(key, tags);
    }
}
