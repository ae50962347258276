package org.ahibridge.storage.azure;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.ahibridge.storage.AzureConnection;
import org.ahibridge.storage.StorageException;

import com.azure.core.credential.AzureSasCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;

/**
 * Builds Azure Blob clients for an {@link AzureConnection}. Credentials never come from configuration;
 * the first of these that applies to the account is used:
 *
 * <ol>
 * <li>{@code AZURE_STORAGE_CONNECTION_STRING}, when its {@code AccountName} is the account (or it names
 * none, as SAS connection strings may);
 * <li>{@code AZURE_STORAGE_KEY} (shared key), when {@code AZURE_STORAGE_ACCOUNT} is unset or the account;
 * <li>{@code AZURE_STORAGE_SAS_TOKEN}, under the same condition;
 * <li>else Microsoft Entra ID through {@code DefaultAzureCredential} (environment service principal,
 * workload identity, managed identity, Azure CLI, ...), which is what production should use.
 * </ol>
 *
 * Each name is read from the environment, else from a JVM system property of the same name (as the AWS
 * SDK reads {@code aws.accessKeyId}), so tests can point at Azurite without a child process.
 */
public final class AzureClients {

    static final String CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";
    static final String ACCOUNT = "AZURE_STORAGE_ACCOUNT";
    static final String KEY = "AZURE_STORAGE_KEY";
    static final String SAS_TOKEN = "AZURE_STORAGE_SAS_TOKEN";

    private AzureClients() {
    }

    public static BlobServiceClient create(AzureConnection connection) {
        return create(connection, AzureTuning.DEFAULT, AzureClients::setting);
    }

    /** A client with this process's credential settings and the given retry tuning. */
    public static BlobServiceClient create(AzureConnection connection, AzureTuning tuning) {
        return create(connection, tuning, AzureClients::setting);
    }

    /** A client whose credential settings come from {@code settings} instead of the environment. */
    public static BlobServiceClient create(AzureConnection connection, AzureTuning tuning,
            UnaryOperator<String> settings) {
        String account = connection.account();
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
                // The SDK retries each request a few times; beyond that the import's own retry rules decide.
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, tuning.maxTries(), (Integer) null,
                        Duration.ofMillis(500).toMillis(), Duration.ofSeconds(10).toMillis(), null));
        ConnectionString connectionString = ConnectionString.parse(settings.apply(CONNECTION_STRING));
        String accountSetting = settings.apply(ACCOUNT);
        boolean envAccountMatches = accountSetting == null || accountSetting.equals(account);
        if (connectionString != null && connectionString.appliesTo(account)) {
            builder.connectionString(connectionString.text());
        } else if (envAccountMatches && settings.apply(KEY) != null) {
            builder.credential(new StorageSharedKeyCredential(account, settings.apply(KEY)));
        } else if (envAccountMatches && settings.apply(SAS_TOKEN) != null) {
            builder.credential(new AzureSasCredential(settings.apply(SAS_TOKEN)));
        } else {
            builder.credential(new DefaultAzureCredentialBuilder().build());
        }
        URI endpoint = connection.endpoint() != null ? connection.endpoint()
                : connectionString != null && connectionString.appliesTo(account) && connectionString.blobEndpoint() != null
                        ? null
                        : URI.create("https://" + account + ".blob.core.windows.net");
        if (endpoint != null) {
            builder.endpoint(endpoint.toString());
        }
        try {
            return builder.buildClient();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Typically Entra ID (the fallback) against an http endpoint such as Azurite: bearer tokens need https.
            throw new StorageException("cannot reach Azure storage account '" + account + "': " + e.getMessage()
                    + "; no connection string, key or SAS token in the environment applies to this account", false, e);
        }
    }

    private static String setting(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The parts of a storage connection string this class needs; the text itself is never printed. */
    record ConnectionString(String text, String accountName, String blobEndpoint) {

        static ConnectionString parse(String text) {
            if (text == null) {
                return null;
            }
            String accountName = null;
            String blobEndpoint = null;
            for (String part : text.split(";")) {
                int equals = part.indexOf('=');
                if (equals > 0) {
                    String name = part.substring(0, equals).trim().toLowerCase(Locale.ROOT);
                    String value = part.substring(equals + 1).trim();
                    if (name.equals("accountname")) {
                        accountName = value;
                    } else if (name.equals("blobendpoint")) {
                        blobEndpoint = value;
                    }
                }
            }
            return new ConnectionString(text, accountName, blobEndpoint);
        }

        boolean appliesTo(String account) {
            return accountName == null ? blobEndpoint != null : accountName.equals(account);
        }

        @Override
        public String toString() {
            return "ConnectionString[accountName=" + accountName + ", blobEndpoint=" + blobEndpoint + "]";
        }
    }
}
