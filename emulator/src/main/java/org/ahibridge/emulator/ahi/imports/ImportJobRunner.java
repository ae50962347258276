package org.ahibridge.emulator.ahi.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.codec.LosslessFormat;
import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.store.Datastore;
import org.ahibridge.emulator.ahi.store.ImportJob;

/**
 * Runs import jobs on a small executor, never in the request thread: SUBMITTED -> IN_PROGRESS ->
 * COMPLETED or FAILED (docs/aws-healthimaging.md §2). A job lists every object under {@code inputS3Uri} (nested
 * prefixes, all ListObjectsV2 pages), enforces the per-job quotas (the job FAILS when the input holds
 * more files or bytes than allowed: the quotas are only known once the input is listed), reads each
 * object (objects over the {@link ImportSpool} threshold through a temporary file, one frame in
 * memory at a time), applies the DICOM JSON metadata of the job's {@code importConfiguration}
 * ({@link MetadataOverrides}), stores the frames as the data store's {@link StoragePolicy} says, places the
 * instances into image sets, writes the output files and sends the events.
 * Per-file failures go to {@code failure.ndjson}; the job still COMPLETES.
 */
public final class ImportJobRunner implements Consumer<ImportJob>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobRunner.class);
    private static final AtomicBoolean CODECS_REPORTED = new AtomicBoolean();
    private final AhiContext context;
    private final S3Client s3;
    private final ExecutorService executor;
    private final ImportSpool spool;

    public ImportJobRunner(AhiContext context, S3Client s3, int threads, ImportSpool spool) {
        reportMissingCodecs();
        this.context = context;
        this.s3 = s3;
        this.spool = spool;
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ahi-emulator-import");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Says once per JVM, at the first start, which codec is missing and which Debian package provides it:
     * without it imports keep frames as they come instead of storing them as AWS does.
     */
    private static void reportMissingCodecs() {
        if (!CODECS_REPORTED.compareAndSet(false, true)) {
            return;
        }
        for (LosslessFormat format : LosslessFormat.values()) {
            if (FrameCodecs.encoder(format).isEmpty()) {
                LOG.warn("{} is not installed: imports into {} data stores keep frames as they come instead of "
                        + "transcoding them to {} as AWS does", FrameCodecs.encoderRequirement(format),
                        format.datastoreValue(), format.transferSyntaxUid());
            }
        }
        if (FrameCodecs.decoder().isEmpty()) {
            LOG.warn("{} cannot be loaded: imports keep JPEG 2000 and HTJ2K frames as they come instead of "
                    + "transcoding them", FrameCodecs.decoderRequirement());
        }
    }

    @Override
    public void accept(ImportJob job) {
        executor.execute(() -> run(job));
    }

    private void run(ImportJob submitted) {
        ImportJob job = submitted.withStatus(ImportJob.IN_PROGRESS, 0, null);
        context.store().put(job);
        context.events().job("Import Job In Progress", job);
        try {
            Duration delay = context.faults().jobDelay();
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            String injected = context.faults().jobFailure();
            String failure = injected != null ? injected : importAll(job);
            finish(job, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(job, "The import was interrupted");
        } catch (RuntimeException | Error e) {
            // Whatever breaks, the job must end: a job left IN_PROGRESS would be followed forever.
            LOG.warn("import job {} failed", job.id(), e);
            finish(job, "Internal error: " + e.getClass().getSimpleName());
        }
    }

    private void finish(ImportJob job, String failure) {
        ImportJob done = failure == null ? job.withStatus(ImportJob.COMPLETED, context.now(), null)
                : job.withStatus(ImportJob.FAILED, context.now(), failure);
        context.store().put(done);
        context.events().job(failure == null ? "Import Job Completed" : "Import Job Failed", done);
    }

    /** Imports every object; returns null on completion, or the job-level failure message. */
    private String importAll(ImportJob job) {
        S3Location input = S3Location.parse(job.inputS3Uri());
        List<S3Object> objects = new ArrayList<>();
        try {
            s3.listObjectsV2Paginator(b -> b.bucket(input.bucket()).prefix(input.prefix())).contents()
                    .forEach(objects::add);
        } catch (NoSuchBucketException e) {
            return "The input S3 bucket " + input.bucket() + " does not exist";
        } catch (SdkException e) {
            return "Cannot list the input S3 location: " + e.getMessage();
        }
        MetadataOverrides overrides;
        try {
            overrides = MetadataOverrides.load(s3, input, job.importConfiguration());
        } catch (MetadataOverrides.Invalid e) {
            return e.getMessage();
        }
        objects.removeIf(o -> o.key().endsWith("/") && o.size() == 0 || overrides.isMetadataFile(o.key()));
        objects.sort(Comparator.comparing(S3Object::key));
        long bytes = objects.stream().mapToLong(S3Object::size).sum();
        if (objects.size() > context.settings().maxFilesPerJob()) {
            return "The input holds " + objects.size() + " files, more than the " + context.settings().maxFilesPerJob()
                    + " files allowed in one import job";
        }
        if (bytes > context.settings().maxBytesPerJob()) {
            return "The input holds " + bytes + " bytes, more than the " + context.settings().maxBytesPerJob()
                    + " bytes allowed in one import job";
        }
        ImportOutput output = new ImportOutput();
        List<PendingInstance> pending = new ArrayList<>();
        Datastore datastore = context.store().datastore(job.datastoreId());
        StoragePolicy policy = StoragePolicy.forDatastore(datastore == null ? null : datastore.losslessStorageFormat());
        for (S3Object object : objects) {
            output.scanned++;
            long maxFileBytes = context.settings().maxBytesPerFile();
            if (object.size() > maxFileBytes) {
                output.failure(object.key(), "ValidationException", "The file is " + object.size()
                        + " bytes, more than the " + maxFileBytes + " bytes allowed for one DICOM P10 file");
                continue;
            }
            try {
                pending.add(object.size() > spool.thresholdBytes() ? readSpooled(input, object, policy)
                        : InstanceReader.read(object.key(),
                                s3.getObjectAsBytes(b -> b.bucket(input.bucket()).key(object.key())).asByteArray(),
                                context.store(), policy));
            } catch (InstanceReader.Rejected e) {
                output.failure(object.key(), "ValidationException", e.getMessage());
            } catch (SdkException e) {
                output.failure(object.key(), "InternalServerException", "Cannot read the object: " + e.getMessage());
            } catch (IOException e) {
                output.failure(object.key(), "InternalServerException", "Cannot spool the object to a temporary file: "
                        + e.getMessage());
            }
        }
        overrides.applyTo(pending).forEach(r -> output.failure(r.key(), "ValidationException", r.message()));
        ImageSetAssembler.Result result = ImageSetAssembler.assemble(context.store(), job.datastoreId(), pending,
                context.now());
        for (PendingInstance instance : pending) {
            ImageSetAssembler.Placement placement = result.byKey().get(instance.key());
            if (instance.warning() != null) {
                output.warning(instance.key(), placement.imageSetId(), placement.version(), placement.primary(),
                        instance.warning());
            } else {
                output.success(instance.key(), placement.imageSetId(), placement.primary());
            }
        }
        ImageSetAssembler.announce(context, job.datastoreId(), result);
        try {
            output.write(s3, job, result.imageSets());
        } catch (SdkException e) {
            return "Cannot write to the output S3 location: " + e.getMessage();
        }
        return null;
    }

    /**
     * Downloads a large object to a temporary file and reads it from there one frame at a time, so the
     * heap holds a frame, never the object; the file goes away whatever the outcome.
     */
    private PendingInstance readSpooled(S3Location input, S3Object object, StoragePolicy policy) throws IOException,
            InstanceReader.Rejected {
        Path file = spool.directory() == null ? Files.createTempFile("ahi-import", ".dcm")
                : Files.createTempFile(spool.directory(), "ahi-import", ".dcm");
        try {
            try (InputStream in = s3.getObject(b -> b.bucket(input.bucket()).key(object.key()));
                    OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            return SpooledInstanceReader.read(object.key(), file, context.store(), policy);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
