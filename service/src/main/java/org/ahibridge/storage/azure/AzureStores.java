package org.ahibridge.storage.azure;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.ahibridge.storage.AzureConnection;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.StorageLocation;
import org.ahibridge.storage.StorageUris;

import com.azure.storage.blob.BlobServiceClient;

/**
 * Opens {@link AzureBlobStore}s, sharing one service client per {@link AzureConnection}. The client
 * factory is the hook tests and the embedded default use to point at Azurite.
 */
public final class AzureStores {

    private final Function<AzureConnection, BlobServiceClient> clientFactory;
    private final AzureTuning tuning;
    private final Map<AzureConnection, BlobServiceClient> clients = new ConcurrentHashMap<>();

    public AzureStores() {
        this(AzureClients::create, AzureTuning.DEFAULT);
    }

    public AzureStores(Function<AzureConnection, BlobServiceClient> clientFactory, AzureTuning tuning) {
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
    }

    public BlobStore open(AzureConnection connection, StorageLocation location) {
        String container = location.container().substring(StorageUris.azureAccount(location).length() + 1);
        BlobServiceClient client = clients.computeIfAbsent(connection, clientFactory);
        return new AzureBlobStore(client.getBlobContainerClient(container), connection.account(), location.path(),
                tuning);
    }
}
