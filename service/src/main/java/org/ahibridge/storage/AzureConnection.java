package org.ahibridge.storage;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach an Azure storage account: its name, and an endpoint override for Azurite or sovereign
 * clouds (null: the endpoint of the credentials' connection string when it names this account, else
 * {@code https://<account>.blob.core.windows.net}). Credentials are never configured here: they come
 * from the environment (see {@code org.ahibridge.storage.azure.AzureClients}).
 */
public record AzureConnection(String account, URI endpoint) {

    public AzureConnection {
        Objects.requireNonNull(account, "account");
    }
}
