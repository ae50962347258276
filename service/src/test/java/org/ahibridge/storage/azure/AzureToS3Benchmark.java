package org.ahibridge.storage.azure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.ahibridge.storage.AzureConnection;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.BlobTransfer;
import org.ahibridge.storage.FileBlobStore;
import org.ahibridge.storage.S3BlobStore;
import org.ahibridge.storage.S3Clients;
import org.ahibridge.storage.S3Connection;
import org.ahibridge.storage.S3Tuning;
import org.ahibridge.storage.testing.Azurite;

import com.azure.storage.blob.BlobServiceClient;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Benchmark command (not a test; BENCHMARKS.md, "Azure Blob source: a 1 GiB object to S3 staging"): the
 * staging step of an import from Azure, {@link BlobTransfer#copy} from an {@link AzureBlobStore} to an
 * {@link S3BlobStore} (no server-side copy exists between the two, so every byte streams through this
 * JVM), against the same copy from a local file as baseline, under whatever heap the JVM was given.
 * A sampler thread forces a full GC every {@code SAMPLE_MS} and records the heap in use after it (the
 * live heap). Usage: {@code AzureToS3Benchmark AZURITE_BLOB_ENDPOINT S3_ENDPOINT WORK_DIR [MIB=1024] [RUNS=3]}.
 */
public final class AzureToS3Benchmark {

    private static final int MIB = 1024 * 1024;
    private static final long SAMPLE_MS = Long.getLong("bench.sampleMs", 2000);

    private AzureToS3Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI azurite = URI.create(args[0]);
        URI s3Endpoint = URI.create(args[1]);
        Path work = Path.of(args[2]);
        long size = (args.length > 3 ? Long.parseLong(args[3]) : 1024) * MIB;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;

        AzureConnection connection = new AzureConnection(Azurite.ACCOUNT, azurite);
        BlobServiceClient azureClient = AzureClients.create(connection, AzureTuning.DEFAULT,
                Map.of("AZURE_STORAGE_KEY", Azurite.KEY)::get);
        azureClient.createBlobContainerIfNotExists("bench");
        BlobStore azure = new AzureStores(c -> azureClient, AzureTuning.DEFAULT).open(connection,
                org.ahibridge.storage.StorageUris.parse("azure-blob://" + Azurite.ACCOUNT + "/bench/"));
        S3Connection s3Connection = new S3Connection("us-east-1", s3Endpoint, true);
        S3Client s3Client = S3Clients.create(s3Connection,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        s3Client.createBucket(b -> b.bucket("staging"));
        S3BlobStore staging = new S3BlobStore(s3Client, s3Connection, "staging", "stage/", S3Tuning.DEFAULT);
        Files.createDirectories(work);
        FileBlobStore folder = new FileBlobStore(work);

        HeapSampler sampler = HeapSampler.start();
        System.out.printf("heap max %d MB; object %d MiB; Azure block %d MiB, read block %d MiB; S3 part %d MiB%n",
                Runtime.getRuntime().maxMemory() / MIB, size / MIB, AzureTuning.DEFAULT.blockSize() / MIB,
                AzureTuning.DEFAULT.readBlockSize() / MIB, S3Tuning.DEFAULT.partSize() / MIB);

        String expected;
        long t0 = System.nanoTime();
        try (DigestInputStream in = new DigestInputStream(new PatternStream(size), sha256())) {
            azure.write("big.bin", in, -1);
            expected = HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
        report("upload to Azure (size unknown, 8 MiB blocks)", size, System.nanoTime() - t0, sampler.takeMax());
        try (InputStream in = new PatternStream(size); OutputStream out = Files.newOutputStream(work.resolve("big.bin"))) {
            in.transferTo(out);
        }
        sampler.takeMax();

        List<Double> azureSeconds = new ArrayList<>();
        List<Double> fileSeconds = new ArrayList<>();
        List<Long> azureHeap = new ArrayList<>();
        List<Long> fileHeap = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            // Alternate the order so neither side always runs on a warmer machine.
            for (boolean azureFirst : new boolean[] {run % 2 == 1, run % 2 == 0}) {
                BlobStore source = azureFirst ? azure : folder;
                long start = System.nanoTime();
                BlobTransfer.copy(source, "big.bin", staging, (azureFirst ? "azure-" : "file-") + run + ".bin");
                long elapsed = System.nanoTime() - start;
                long heap = sampler.takeMax();
                (azureFirst ? azureSeconds : fileSeconds).add(elapsed / 1e9);
                (azureFirst ? azureHeap : fileHeap).add(heap);
                report((azureFirst ? "Azure -> S3" : "file -> S3 (baseline)") + " run " + run, size, elapsed, heap);
            }
        }
        String copied;
        try (DigestInputStream in = new DigestInputStream(staging.open("azure-" + runs + ".bin"), sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            copied = HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
        sampler.stop();
        System.out.println("| source | runs | median s | min-max s | median MB/s | max live heap MB (per run) |");
        System.out.println("|---|---|---|---|---|---|");
        row("Azure (Azurite) -> S3 (s3proxy)", size, azureSeconds, azureHeap);
        row("local file -> S3 (s3proxy), baseline", size, fileSeconds, fileHeap);
        System.out.println("| SHA-256 of the last Azure copy read back from S3 | " + (copied.equals(expected) ? "matches"
                : "DIFFERS") + " the generated content | | | | max live heap of the whole run "
                + sampler.overallMax() / MIB + " MB over " + sampler.samples() + " samples |");
        s3Client.close();
        Files.deleteIfExists(work.resolve("big.bin"));
    }

    private static void report(String what, long size, long nanos, long heap) {
        System.out.printf("%s: %.1f s, %.1f MB/s, max live heap %d MB%n", what, nanos / 1e9,
                size / 1e6 / (nanos / 1e9), heap / MIB);
    }

    private static void row(String name, long size, List<Double> seconds, List<Long> heap) {
        List<Double> sorted = seconds.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        System.out.printf("| %s | %d | %.1f | %.1f-%.1f | %.1f | %s |%n", name, seconds.size(), median, sorted.get(0),
                sorted.get(sorted.size() - 1), size / 1e6 / median,
                String.join(", ", heap.stream().map(h -> Long.toString(h / MIB)).toList()));
    }

    private static MessageDigest sha256() throws Exception {
        return MessageDigest.getInstance("SHA-256");
    }

    /** Deterministic, incompressible-looking bytes generated on the fly (xorshift), never held in memory. */
    static final class PatternStream extends InputStream {
        private long remaining;
        private long state = 0x9E3779B97F4A7C15L;

        PatternStream(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            remaining -= n;
            return n;
        }
    }

    /** Forces a full GC every SAMPLE_MS and keeps the largest heap-in-use seen after one. */
    static final class HeapSampler implements Runnable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong max = new AtomicLong();
        private final AtomicLong overall = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread = new Thread(sampler, "heap-sampler");
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                System.gc();
                long used = memory.getHeapMemoryUsage().getUsed();
                max.accumulateAndGet(used, Math::max);
                overall.accumulateAndGet(used, Math::max);
                samples.incrementAndGet();
                try {
                    Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long takeMax() {
            return max.getAndSet(0);
        }

        long overallMax() {
            return overall.get();
        }

        long samples() {
            return samples.get();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }
    }
}
