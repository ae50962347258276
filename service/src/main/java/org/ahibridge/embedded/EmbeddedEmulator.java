package org.ahibridge.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.EmulatorConfig;
import org.ahibridge.emulator.EmulatorEndpoints;
import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.S3Connection;
import org.ahibridge.storage.StorageLocation;
import org.ahibridge.storage.StorageProvider;
import org.ahibridge.storage.StorageRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The in-process emulator of the embedded default (docs/design.md §5), with its state under {@code dataDir} so
 * consecutive commands see the same datastore {@code local} and its staging and output buckets.
 *
 * <p>Start-up is off the critical path: {@link #local()} returns the registration at once, on ports chosen up
 * front and the datastore id remembered in {@code dataDir/local-datastore-id}, while the emulator (whose S3
 * server is a separate JVM) starts in the background, or only on demand. Clients of its endpoints wait for it
 * with {@link #awaitReady()} when they are made, so a one-shot command that never calls AHI or S3 (an import
 * of an empty folder, say) never starts it. Its static credentials are handed only to clients of its own endpoints ({@link #owns(URI)}), never
 * used as a general fallback.
 */
public final class EmbeddedEmulator implements AutoCloseable {

    public static final String DATASTORE = "local";
    static final String STAGING_BUCKET = "ahi-bridge-staging";
    static final String OUTPUT_BUCKET = "ahi-bridge-output";
    private static final String HOST = "127.0.0.1";
    private static final String ID_FILE = "local-datastore-id";
    private static final Pattern DATASTORE_ID = Pattern.compile("[0-9a-z]{32}");

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEmulator.class);

    private final Path dataDir;
    private final boolean startInBackground;
    private EmulatorConfig config;
    private EmulatorEndpoints endpoints;
    private String candidateId;
    private CompletableFuture<Started> starting;
    private DatastoreRegistration local;

    /**
     * @param startInBackground start as soon as {@link #local()} is first called (the service, which will need
     *                          it), rather than when a client of it is first made (one-shot commands, which may
     *                          not: an import of an empty folder never starts it)
     */
    public EmbeddedEmulator(Path dataDir, boolean startInBackground) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
        this.startInBackground = startInBackground;
    }

    /** The {@code local} datastore registration, without waiting for the emulator. */
    public synchronized DatastoreRegistration local() {
        if (local == null) {
            plan();
            String datastoreId = rememberedDatastoreId();
            if (startInBackground) {
                start();
            }
            S3Connection s3 = new S3Connection(endpoints.region(), endpoints.s3(), true);
            local = new DatastoreRegistration(DATASTORE, datastoreId, endpoints.region(), endpoints.ahi(),
                    "arn:aws:iam::" + endpoints.accountId() + ":role/ahi-bridge-embedded",
                    new StorageRegistration("local-staging", new StorageLocation(StorageProvider.S3, STAGING_BUCKET,
                            "staging/"), AccessMode.READ_WRITE, s3, false),
                    new StorageRegistration("local-output", new StorageLocation(StorageProvider.S3, OUTPUT_BUCKET,
                            "output/"), AccessMode.READ, s3, false),
                    AccessMode.READ_WRITE);
            LOG.info("Embedded default: datastore 'local' ({}) served by the in-process emulator, state in {}",
                    datastoreId, dataDir);
        }
        return local;
    }

    /** {@link #local()} once the emulator serves: for callers that build their own clients (export). */
    public DatastoreRegistration readyLocal() {
        awaitReady();
        return local();
    }

    /** True for endpoints of this emulator: only their clients get its static credentials. */
    public synchronized boolean owns(URI endpoint) {
        if (endpoints == null || endpoint == null) {
            return false;
        }
        return endpoint.equals(endpoints.ahi()) || endpoint.equals(endpoints.s3());
    }

    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(Emulator.CREDENTIALS);
    }

    /**
     * Starts the emulator if it is not starting yet and waits until it serves, with datastore {@code local}
     * and its buckets in place; throws when it could not start.
     */
    public Emulator awaitReady() {
        CompletableFuture<Started> future;
        synchronized (this) {
            local();
            future = start();
        }
        return join(future).emulator();
    }

    /** The emulator itself (fault injection in tests); starts it if needed and waits for it. */
    public Emulator emulator() {
        return awaitReady();
    }

    /** Ports and endpoints, chosen before anything starts so the registration can name them. */
    private void plan() {
        if (config != null) {
            return;
        }
        int ahiPort = freePort();
        int s3Port = freePort();
        config = EmulatorConfig.ephemeral().withoutSqs().withDataDir(dataDir)
                .withPorts(ahiPort, s3Port, EmulatorConfig.NO_SQS);
        endpoints = new EmulatorEndpoints(URI.create("http://" + HOST + ":" + ahiPort),
                URI.create("http://" + HOST + ":" + ahiPort), URI.create("http://" + HOST + ":" + s3Port), null,
                config.ahi().region(), config.ahi().accountId());
    }

    private CompletableFuture<Started> start() {
        if (starting == null) {
            EmulatorConfig settings = config;
            String id = candidateId;
            starting = CompletableFuture.supplyAsync(() -> {
                Emulator emulator;
                try {
                    emulator = Emulator.start(settings);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                try {
                    String datastoreId = emulator.ensureDatastore(id, DATASTORE);
                    ensureBuckets(emulator.endpoints());
                    return new Started(emulator, datastoreId);
                } catch (RuntimeException e) {
                    emulator.close();
                    throw e;
                }
            }, runnable -> {
                Thread thread = new Thread(runnable, "embedded-emulator-start");
                thread.setDaemon(true);
                thread.start();
            });
        }
        return starting;
    }

    private Started join(CompletableFuture<Started> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("the embedded emulator (datastore 'local', state in " + dataDir
                    + ") did not start: " + cause.getMessage(), cause);
        }
    }

    /**
     * The id of datastore {@code local}, remembered in the data folder; a new data folder gets a new id, which
     * the emulator creates when it starts. Only a data folder of an older version (state but no remembered id)
     * waits for the emulator, to look the datastore up by name.
     */
    private String rememberedDatastoreId() {
        Path file = dataDir.resolve(ID_FILE);
        String id = readId(file);
        candidateId = id != null ? id : UUID.randomUUID().toString().replace("-", "");
        if (id == null) {
            id = hasState() ? join(start()).datastoreId() : candidateId;
            writeId(file, id);
        }
        return id;
    }

    /** A running emulator and the id its datastore {@code local} has. */
    private record Started(Emulator emulator, String datastoreId) {
    }

    private boolean hasState() {
        Path ahi = dataDir.resolve("ahi");
        try (Stream<Path> files = Files.isDirectory(ahi) ? Files.list(ahi) : Stream.empty()) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    private static String readId(Path file) {
        try {
            String id = Files.isRegularFile(file) ? Files.readString(file).strip() : null;
            return id != null && DATASTORE_ID.matcher(id).matches() ? id : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeId(Path file, String id) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, id + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " (the embedded emulator's state folder)", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST + " for the embedded emulator", e);
        }
    }

    private static void ensureBuckets(EmulatorEndpoints endpoints) {
        try (S3Client s3 = Emulator.s3Client(endpoints.s3(), endpoints.region())) {
            for (String bucket : new String[] {STAGING_BUCKET, OUTPUT_BUCKET}) {
                try {
                    s3.headBucket(b -> b.bucket(bucket));
                } catch (NoSuchBucketException e) {
                    s3.createBucket(b -> b.bucket(bucket));
                }
            }
        }
    }

    @Override
    public void close() {
        CompletableFuture<Started> future;
        synchronized (this) {
            future = starting;
            starting = null;
            local = null;
            config = null;
            endpoints = null;
        }
        if (future != null) {
            try {
                future.join().emulator().close();
            } catch (CompletionException e) {
                // it never started: nothing to stop
            }
        }
    }
}
