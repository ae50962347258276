package org.ahibridge.storage;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.ahibridge.storage.azure.AzureStores;
import org.ahibridge.storage.gcs.GcsBlobStore;
import org.ahibridge.storage.gcs.GcsClients;
import org.ahibridge.storage.gcs.GcsConnection;

import com.google.cloud.storage.Storage;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Opens the {@link BlobStore} of a registration, wrapped in a {@link GuardedBlobStore} that enforces
 * its access mode and, once {@link #withAccessRules} gave them, those of every registration it overlaps. One S3 client is shared per {@link S3Connection} and one GCS client per
 * {@link GcsConnection}; stores on the same connection can therefore copy server-side.
 */
public final class BlobStores implements AutoCloseable {

    /** Makes the S3 client of a connection with a pool of the given size. */
    @FunctionalInterface
    public interface S3ClientFactory {
        S3Client create(S3Connection connection, int maxConnections);
    }

    private final S3ClientFactory clientFactory;
    private final int s3MaxConnections;
    private final S3Tuning tuning;
    private final Map<S3Connection, S3Client> clients = new ConcurrentHashMap<>();
    private final AzureStores azure;
    private final Function<GcsConnection, Storage> gcsFactory;
    private final Map<GcsConnection, Storage> gcsClients = new ConcurrentHashMap<>();
    private final AccessRules rules;

    public BlobStores() {
        this(S3Clients::create, S3Clients.DEFAULT_MAX_CONNECTIONS, S3Tuning.DEFAULT, new AzureStores(),
                GcsClients::create, AccessRules.NONE);
    }

    public BlobStores(Function<S3Connection, S3Client> clientFactory, S3Tuning tuning) {
        this((connection, pool) -> clientFactory.apply(connection), S3Clients.DEFAULT_MAX_CONNECTIONS, tuning,
                new AzureStores(), GcsClients::create, AccessRules.NONE);
    }

    private BlobStores(S3ClientFactory clientFactory, int s3MaxConnections, S3Tuning tuning, AzureStores azure,
            Function<GcsConnection, Storage> gcsFactory, AccessRules rules) {
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
        this.s3MaxConnections = s3MaxConnections;
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.azure = Objects.requireNonNull(azure, "azure");
        this.gcsFactory = Objects.requireNonNull(gcsFactory, "gcsFactory");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** A factory like this one whose S3 clients come from {@code factory} (same tuning; pool size its own). */
    public BlobStores withClientFactory(Function<S3Connection, S3Client> factory) {
        return withS3ClientFactory((connection, pool) -> factory.apply(connection));
    }

    /** A factory like this one whose S3 clients come from {@code factory}, with this one's pool size. */
    public BlobStores withS3ClientFactory(S3ClientFactory factory) {
        return new BlobStores(factory, s3MaxConnections, tuning, azure, gcsFactory, rules);
    }

    /** A factory like this one whose S3 clients pool {@code maxConnections} connections each. */
    public BlobStores withS3MaxConnections(int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("ahibridge.s3.max-connections must be at least 1, not "
                    + maxConnections);
        }
        return new BlobStores(clientFactory, maxConnections, tuning, azure, gcsFactory, rules);
    }

    public int s3MaxConnections() {
        return s3MaxConnections;
    }

    /** A factory like this one whose Azure stores come from {@code stores} (tests point them at Azurite). */
    public BlobStores withAzure(AzureStores stores) {
        return new BlobStores(clientFactory, s3MaxConnections, tuning, stores, gcsFactory, rules);
    }

    /** A factory like this one whose GCS clients come from {@code factory} (tests give a fake's client). */
    public BlobStores withGcsClientFactory(Function<GcsConnection, Storage> factory) {
        return new BlobStores(clientFactory, s3MaxConnections, tuning, azure, factory, rules);
    }

    /**
     * A factory like this one whose stores apply {@code accessRules} (every configured registration's
     * mode) to each call, instead of their own registration's mode only.
     */
    public BlobStores withAccessRules(AccessRules accessRules) {
        return new BlobStores(clientFactory, s3MaxConnections, tuning, azure, gcsFactory, accessRules);
    }

    public BlobStore open(StorageRegistration registration) {
        StorageLocation location = registration.location();
        BlobStore store = switch (location.provider()) {
            case FILE -> new FileBlobStore(location.folder());
            case S3 -> new S3BlobStore(clients.computeIfAbsent(registration.s3(),
                    connection -> clientFactory.create(connection, s3MaxConnections)),
                    registration.s3(), location.container(), location.path(), tuning);
            case AZURE_BLOB -> azure.open(registration.azure(), location);
            case GCS -> new GcsBlobStore(gcsClients.computeIfAbsent(registration.gcs(), gcsFactory),
                    location.container(), location.path());
        };
        return new GuardedBlobStore(store, registration, rules);
    }

    @Override
    public void close() {
        clients.values().forEach(S3Client::close);
        clients.clear();
        gcsClients.values().forEach(BlobStores::closeQuietly);
        gcsClients.clear();
    }

    private static void closeQuietly(Storage storage) {
        try {
            storage.close();
        } catch (Exception e) {
            // Closing releases connection pools only; nothing is lost when it fails.
        }
    }
}
