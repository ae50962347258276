package org.ahibridge.emulator.ahi.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Immutable byte blobs by key (image frames, gzipped metadata documents): in memory, or one file per
 * key under a folder when the emulator has a data directory. Writes go to a temporary file first and
 * are moved into place, so a crash never leaves a half-written blob under its key.
 */
public interface BlobStore extends AutoCloseable {

    void put(String key, byte[] bytes);

    /** The blob, or null when there is none. */
    byte[] get(String key);

    /** Removes a blob if it exists. */
    void delete(String key);

    /** Releases what the store holds outside the data directory (nothing by default). */
    @Override
    default void close() {
    }

    static BlobStore inMemory() {
        Map<String, byte[]> blobs = new ConcurrentHashMap<>();
        return new BlobStore() {
            @Override
            public void put(String key, byte[] bytes) {
                blobs.put(key, bytes);
            }

            @Override
            public byte[] get(String key) {
                return blobs.get(key);
            }

            @Override
            public void delete(String key) {
                blobs.remove(key);
            }
        };
    }

    /**
     * In memory until the blobs held there reach {@code memoryBytes}, then in files under a temporary
     * folder of its own, removed by {@link #close()}: an emulator without a data directory can import
     * gigabytes of frames without holding them in its heap.
     */
    static BlobStore inMemoryUpTo(long memoryBytes) {
        return new SpillingBlobStore(memoryBytes);
    }

    static BlobStore onDisk(Path root) {
        return new BlobStore() {
            @Override
            public void put(String key, byte[] bytes) {
                Path target = root.resolve(key);
                try {
                    Files.createDirectories(target.getParent());
                    Path temp = Files.createTempFile(target.getParent(), ".blob", ".tmp");
                    Files.write(temp, bytes);
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write blob " + key, e);
                }
            }

            @Override
            public void delete(String key) {
                try {
                    Files.deleteIfExists(root.resolve(key));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete blob " + key, e);
                }
            }

            @Override
            public byte[] get(String key) {
                Path file = root.resolve(key);
                try {
                    return Files.exists(file) ? Files.readAllBytes(file) : null;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read blob " + key, e);
                }
            }
        };
    }
}
