package org.ahibridge.storage.gcs;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.ahibridge.emulator.Emulator;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.BlobTransfer;
import org.ahibridge.storage.FileBlobStore;
import org.ahibridge.storage.S3BlobStore;
import org.ahibridge.storage.S3Connection;
import org.ahibridge.storage.S3Tuning;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Benchmark, not a test (BENCHMARKS.md, "GCS to S3 staging memory"; run by bench/gcs-staging-memory.sh):
 * how much heap the bridge itself holds while it streams one large object from GCS into S3 staging, the
 * copy {@code BatchStager} makes for a GCS source.
 *
 * <p>The GCS side is the in-memory fake, which holds the whole object in this JVM; the S3 side is the
 * emulator's s3proxy in another process. So the live heap is sampled (after a forced GC) before the copy,
 * with the object already in the fake, and then every 100 ms during the copy: the difference is what the
 * copy retains (read chunk, S3 part buffer, client buffers). Per round, the same copy from a file source
 * (the existing streamed path) is the baseline. The copying thread's allocated bytes are reported too:
 * the fake's reads allocate a fresh array per chunk, as a real HTTP response body would.
 *
 * <p>Arguments: S3 endpoint of the emulator, object size in MiB, rounds.
 */
public final class GcsStagingMemoryBench {

    private static final int MIB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        int sizeMib = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        long size = (long) sizeMib * MIB;
        try (S3Client s3 = Emulator.s3Client(endpoint, "us-east-1")) {
            s3.createBucket(b -> b.bucket("gcs-bench-staging"));
            BlobStore staging = new S3BlobStore(s3, new S3Connection("us-east-1", endpoint, true), "gcs-bench-staging",
                    "stage/", S3Tuning.DEFAULT);
            FakeGcs gcs = new FakeGcs();
            GcsBlobStore source = new GcsBlobStore(gcs.storage(), "bench-source", "");
            source.write("big.dcm", new PatternStream(size), size);
            Path folder = Files.createTempDirectory("gcs-bench-file");
            FileBlobStore files = new FileBlobStore(folder);
            files.write("big.dcm", new PatternStream(size), size);

            System.out.printf("object %d MiB; heap max %d MiB%n", sizeMib, Runtime.getRuntime().maxMemory() / MIB);
            // Where does the fake keep a read? Live heap with a stream open after its first MiB.
            long closed = liveHeap();
            try (InputStream in = source.open("big.dcm")) {
                in.readNBytes(MIB);
                System.out.printf("one GCS read stream open after 1 MiB: %d MiB live above a closed one%n",
                        (liveHeap() - closed) / MIB);
            }
            for (int round = 1; round <= rounds; round++) {
                Result gcsCopy = measure(source, staging, "gcs-" + round);
                Result fileCopy = measure(files, staging, "file-" + round);
                Result gcsRead = measure(() -> {
                    try (InputStream in = source.open("big.dcm")) {
                        return in.transferTo(OutputStream.nullOutputStream());
                    }
                });
                long staged = staging.stat("gcs-" + round).orElseThrow().size();
                if (staged != size) {
                    throw new IllegalStateException("staged " + staged + " bytes, expected " + size);
                }
                System.out.printf("round %d: gcs->s3 %s | file->s3 %s | gcs read only %s%n", round, gcsCopy, fileCopy,
                        gcsRead);
                staging.delete("gcs-" + round);
                staging.delete("file-" + round);
            }
        }
    }

    record Result(long baselineMib, long peakExtraMib, long allocatedMib, double seconds, long size) {
        @Override
        public String toString() {
            return String.format("live before %d MiB, peak extra %d MiB, allocated %d MiB, %.1f s (%.0f MiB/s)",
                    baselineMib, peakExtraMib, allocatedMib, seconds, size / (double) MIB / seconds);
        }
    }

    interface Work {
        long run() throws Exception;
    }

    private static Result measure(BlobStore source, BlobStore staging, String key) throws Exception {
        return measure(() -> {
            BlobTransfer.copy(source, "big.dcm", staging, key);
            return staging.stat(key).orElseThrow().size();
        });
    }

    private static Result measure(Work work) throws Exception {
        long before = liveHeap();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean copying = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (copying.get()) {
                peak.accumulateAndGet(liveHeap(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        long size;
        try {
            size = work.run();
        } finally {
            copying.set(false);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        sampler.join();
        return new Result(before / MIB, (peak.get() - before) / MIB, allocated / MIB, seconds, size);
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Deterministic content without holding it: byte i is (i * 31) mod 251. */
    static final class PatternStream extends InputStream {
        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? (int) ((position++ * 31) % 251) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ((position++ * 31) % 251);
            }
            return n;
        }
    }

    private GcsStagingMemoryBench() {
    }
}
