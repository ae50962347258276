package org.ahibridge.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.ahibridge.dicom.p10.P10Classifier;
import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.EmulatorConfig;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.storage.BlobTransfer;
import org.ahibridge.storage.S3BlobStore;
import org.ahibridge.storage.S3Connection;
import org.ahibridge.storage.S3Tuning;

import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Benchmark command (not a test; BENCHMARKS.md, "Import pipeline memory"): how many bytes the import reads
 * from an S3 source per object, classification (one ranged GetObject) plus staging to an S3 staging
 * bucket on the same endpoint (server-side CopyObject, AWS S3 API reference "CopyObject"). Every object
 * of the folder given as argument is uploaded to a source bucket on the in-process emulator's s3proxy,
 * then classified with {@link BlobClassifier} and staged with {@link BlobTransfer#copy}, through an S3
 * client whose interceptor counts the GetObject bytes asked for (Range header) and the response body
 * bytes actually consumed. Usage: {@code SourceReadBenchmark DIR}.
 */
public final class SourceReadBenchmark {

    private SourceReadBenchmark() {
    }

    /** Counts GetObject calls, the bytes their Range headers ask for, and response body bytes read. */
    static final class ReadCounter implements ExecutionInterceptor {
        final AtomicLong gets = new AtomicLong();
        final AtomicLong rangeBytes = new AtomicLong();
        final AtomicLong bodyBytes = new AtomicLong();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (request instanceof GetObjectRequest get) {
                gets.incrementAndGet();
                if (get.range() != null) {
                    String[] span = get.range().substring("bytes=".length()).split("-");
                    rangeBytes.addAndGet(Long.parseLong(span[1]) - Long.parseLong(span[0]) + 1);
                }
            }
        }

        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                ExecutionAttributes attributes) {
            if (!(context.request() instanceof GetObjectRequest) || context.responseBody().isEmpty()) {
                return context.responseBody();
            }
            return Optional.of(new FilterInputStream(context.responseBody().get()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    bodyBytes.addAndGet(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    bodyBytes.addAndGet(Math.max(n, 0));
                    return n;
                }
            });
        }

        long[] snapshot() {
            return new long[] {gets.get(), rangeBytes.get(), bodyBytes.get()};
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/import-memory/read-src");
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        try (Emulator emulator = Emulator.start(EmulatorConfig.ephemeral())) {
            var endpoints = emulator.endpoints();
            ReadCounter counter = new ReadCounter();
            S3Client s3 = S3Client.builder().endpointOverride(endpoints.s3()).forcePathStyle(true)
                    .region(Region.of(endpoints.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(Emulator.CREDENTIALS))
                    .httpClientBuilder(ApacheHttpClient.builder())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build();
            s3.createBucket(b -> b.bucket("read-source"));
            s3.createBucket(b -> b.bucket("read-staging"));
            S3Connection connection = new S3Connection(endpoints.region(), endpoints.s3(), true);
            S3BlobStore source = new S3BlobStore(s3, connection, "read-source", "", S3Tuning.DEFAULT);
            S3BlobStore staging = new S3BlobStore(s3, connection, "read-staging", "staging/", S3Tuning.DEFAULT);
            BlobClassifier classifier = new BlobClassifier(new P10Classifier());
            System.out.println("| object | size (bytes) | verdict | GetObject calls | bytes asked (Range) | body bytes read"
                    + " | staged server-side | bytes read while staging |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (Path file : files) {
                String key = file.getFileName().toString();
                long size = Files.size(file);
                s3.putObject(b -> b.bucket("read-source").key(key), RequestBody.fromFile(file));
                long[] before = counter.snapshot();
                Verdict verdict = classifier.classify(source, key, size);
                long[] classified = counter.snapshot();
                boolean serverSide = BlobTransfer.copy(source, key, staging, "batch/" + key);
                long[] staged = counter.snapshot();
                System.out.printf("| %s | %,d | %s | %d | %,d | %,d | %s | %,d |%n", key, size,
                        verdict.compliant() ? "compliant" : verdict.reason(), classified[0] - before[0],
                        classified[1] - before[1], classified[2] - before[2], serverSide ? "yes" : "no",
                        staged[2] - classified[2]);
            }
            s3.close();
        }
    }
}
