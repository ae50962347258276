package org.ahibridge.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

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
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.DatastoreStatus;
import software.amazon.awssdk.services.medicalimaging.model.DatastoreSummary;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The in-process emulator of the embedded default (DESIGN.md §5): started once, on first use, with its
 * state under {@code dataDir} so consecutive commands see the same datastore; creates the datastore
 * named {@code local} and its staging and output buckets on first start. Its static credentials are
 * handed only to clients of its own endpoints ({@link #owns(URI)}), never used as a general fallback.
 */
public final class EmbeddedEmulator implements AutoCloseable {

    public static final String DATASTORE = "local";
    static final String STAGING_BUCKET = "ahi-bridge-staging";
    static final String OUTPUT_BUCKET = "ahi-bridge-output";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEmulator.class);

    private final Path dataDir;
    private Emulator emulator;
    private DatastoreRegistration local;

    public EmbeddedEmulator(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The {@code local} datastore registration, starting the emulator on first call. */
    public synchronized DatastoreRegistration local() {
        if (local == null) {
            try {
                emulator = Emulator.start(EmulatorConfig.ephemeral().withoutSqs().withDataDir(dataDir.toAbsolutePath()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded emulator in " + dataDir, e);
            }
            EmulatorEndpoints endpoints = emulator.endpoints();
            String datastoreId = ensureDatastore(endpoints);
            ensureBuckets(endpoints);
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

    /** True for endpoints of this emulator: only their clients get its static credentials. */
    public synchronized boolean owns(URI endpoint) {
        if (emulator == null || endpoint == null) {
            return false;
        }
        EmulatorEndpoints e = emulator.endpoints();
        return endpoint.equals(e.ahi()) || endpoint.equals(e.s3()) || endpoint.equals(e.sqs())
                || endpoint.equals(e.eventBridge());
    }

    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(Emulator.CREDENTIALS);
    }

    /** The emulator itself (fault injection in tests); starts it if needed. */
    public synchronized Emulator emulator() {
        local();
        return emulator;
    }

    private String ensureDatastore(EmulatorEndpoints endpoints) {
        try (MedicalImagingClient ahi = org.ahibridge.ahi.AhiClients.create(endpoints.region(), endpoints.ahi(),
                credentials())) {
            for (DatastoreSummary summary : ahi.listDatastoresPaginator(b -> b.datastoreStatus(DatastoreStatus.ACTIVE))
                    .datastoreSummaries()) {
                if (DATASTORE.equals(summary.datastoreName())) {
                    return summary.datastoreId();
                }
            }
            return ahi.createDatastore(b -> b.datastoreName(DATASTORE)).datastoreId();
        }
    }

    private void ensureBuckets(EmulatorEndpoints endpoints) {
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
    public synchronized void close() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
            local = null;
        }
    }
}
