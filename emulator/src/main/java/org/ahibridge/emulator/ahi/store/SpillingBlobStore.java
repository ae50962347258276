package org.ahibridge.emulator.ahi.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * {@link BlobStore#inMemoryUpTo}: blobs stay in memory while their total is under a budget; later
 * ones go to files in a temporary folder created on first need and deleted on {@link #close()}. A
 * blob never moves once written, so reads need no coordination with writes.
 */
final class SpillingBlobStore implements BlobStore {

    private final long memoryBudget;
    private final Map<String, byte[]> memory = new ConcurrentHashMap<>();
    private long memoryBytes;
    private BlobStore disk;
    private Path folder;

    SpillingBlobStore(long memoryBudget) {
        this.memoryBudget = memoryBudget;
    }

    @Override
    public void put(String key, byte[] bytes) {
        BlobStore target;
        synchronized (this) {
            delete(key);
            if (memoryBytes + bytes.length <= memoryBudget) {
                memory.put(key, bytes);
                memoryBytes += bytes.length;
                return;
            }
            target = disk();
        }
        target.put(key, bytes);
    }

    @Override
    public byte[] get(String key) {
        byte[] bytes = memory.get(key);
        if (bytes != null) {
            return bytes;
        }
        BlobStore spilled;
        synchronized (this) {
            spilled = disk;
        }
        return spilled == null ? null : spilled.get(key);
    }

    @Override
    public synchronized void delete(String key) {
        byte[] removed = memory.remove(key);
        if (removed != null) {
            memoryBytes -= removed.length;
        } else if (disk != null) {
            disk.delete(key);
        }
    }

    /** True once some blob went to disk (for tests). */
    synchronized Path folder() {
        return folder;
    }

    private BlobStore disk() {
        if (disk == null) {
            try {
                folder = Files.createTempDirectory("ahi-emulator-blobs");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a folder for frames", e);
            }
            disk = BlobStore.onDisk(folder);
        }
        return disk;
    }

    @Override
    public synchronized void close() {
        memory.clear();
        memoryBytes = 0;
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
        folder = null;
        disk = null;
    }
}
