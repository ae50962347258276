package org.ahibridge.emulator.latency;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

import org.ahibridge.emulator.Emulator;

/**
 * The sanity figure of BENCHMARKS.md, "Latency emulation": GetObject of one 1 KiB object in a loop, from 1 thread
 * and then from 32, against an S3 endpoint (the standalone emulator's, run by bench/latency-sanity.sh with and
 * without {@code --latency}). After 10 s of warm-up at 32 threads, each phase warms up for 2 s more, then runs for
 * a fixed time. It prints one Markdown table row per phase: requests/s, the mean time of one request, and requests
 * in flight (rate x mean time).
 *
 * <p>Usage: {@code S3GetLatencyBenchmark S3_ENDPOINT LABEL [SECONDS=10] [THREAD_COUNTS=1,32]}.
 */
public final class S3GetLatencyBenchmark {

    private static final String BUCKET = "latency-bench";
    private static final String KEY = "object-1k";
    private static final long FIRST_WARM_UP_NANOS = 10_000_000_000L;
    private static final long WARM_UP_NANOS = 2_000_000_000L;

    private S3GetLatencyBenchmark() {
    }

    /** Requests done and the nanoseconds they took, summed over one thread's requests. */
    private record Tally(long requests, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String label = args[1];
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 10;
        int[] threadCounts = java.util.Arrays.stream((args.length > 3 ? args[3] : "1,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        try (S3Client s3 = Emulator.s3Client(endpoint, "us-east-1")) {
            try {
                s3.createBucket(b -> b.bucket(BUCKET));
            } catch (BucketAlreadyOwnedByYouException e) {
                // a second run against the same emulator
            }
            s3.putObject(b -> b.bucket(BUCKET).key(KEY), RequestBody.fromBytes(new byte[1024]));
            // Compiles the hot paths of this JVM, the emulator's proxies and s3proxy before anything is measured.
            run(s3, 32, FIRST_WARM_UP_NANOS);
            for (int threads : threadCounts) {
                run(s3, threads, WARM_UP_NANOS);
                long start = System.nanoTime();
                List<Tally> tallies = run(s3, threads, seconds * 1_000_000_000L);
                double elapsed = (System.nanoTime() - start) / 1e9;
                long requests = tallies.stream().mapToLong(Tally::requests).sum();
                double meanMillis = tallies.stream().mapToLong(Tally::nanos).sum() / 1e6 / requests;
                double rate = requests / elapsed;
                System.out.println(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.0f | %.2f | %.1f |", label,
                        threads, requests, elapsed, rate, meanMillis, rate * meanMillis / 1000));
            }
        }
    }

    /** {@code threads} loops of GetObject until {@code nanos} have passed: bounded in time, as a load on loopback. */
    private static List<Tally> run(S3Client s3, int threads, long nanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long deadline = System.nanoTime() + nanos;
            List<Future<Tally>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    long requests = 0;
                    long spent = 0;
                    for (long now = System.nanoTime(); now - deadline < 0; ) {
                        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(KEY));
                        long done = System.nanoTime();
                        spent += done - now;
                        requests++;
                        now = done;
                    }
                    return new Tally(requests, spent);
                }));
            }
            List<Tally> tallies = new ArrayList<>();
            for (Future<Tally> future : futures) {
                tallies.add(future.get());
            }
            return tallies;
        } finally {
            pool.shutdownNow();
        }
    }
}
