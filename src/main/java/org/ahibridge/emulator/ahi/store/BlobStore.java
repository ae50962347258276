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
public interface BlobStore {

    void put(String key, byte[] bytes);

    /** The blob, or null when there is none. */
    byte[] get(String key);

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
        };
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
