package org.ahibridge.storage;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.ahibridge.storage.azure.AzureStores;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Opens the {@link BlobStore} of a registration, wrapped in a {@link GuardedBlobStore} that enforces
 * its access mode. One S3 client is shared per {@link S3Connection}; stores on the same connection can
 * therefore copy server-side.
 */
public final class BlobStores implements AutoCloseable {

    private final Function<S3Connection, S3Client> clientFactory;
    private final S3Tuning tuning;
    private final Map<S3Connection, S3Client> clients = new ConcurrentHashMap<>();
    private final AzureStores azure;

    public BlobStores() {
        this(S3Clients::create, S3Tuning.DEFAULT);
    }

    public BlobStores(Function<S3Connection, S3Client> clientFactory, S3Tuning tuning) {
        this(clientFactory, tuning, new AzureStores());
    }

    public BlobStores(Function<S3Connection, S3Client> clientFactory, S3Tuning tuning, AzureStores azure) {
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.azure = Objects.requireNonNull(azure, "azure");
    }

    /** A factory like this one whose S3 clients come from {@code factory} (same tuning). */
    public BlobStores withClientFactory(Function<S3Connection, S3Client> factory) {
        return new BlobStores(factory, tuning, azure);
    }

    /** A factory like this one whose Azure stores come from {@code stores} (tests point them at Azurite). */
    public BlobStores withAzure(AzureStores stores) {
        return new BlobStores(clientFactory, tuning, stores);
    }

    public BlobStore open(StorageRegistration registration) {
        StorageLocation location = registration.location();
        BlobStore store = switch (location.provider()) {
            case FILE -> new FileBlobStore(location.folder());
            case S3 -> new S3BlobStore(clients.computeIfAbsent(registration.s3(), clientFactory),
                    registration.s3(), location.container(), location.path(), tuning);
            case AZURE_BLOB -> azure.open(registration.azure(), location);
            case GCS -> throw new StorageException("storage '" + registration.name() + "': provider "
                    + location.provider() + " is not available yet");
        };
        return new GuardedBlobStore(store, registration);
    }

    @Override
    public void close() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }
}
