package org.ahibridge.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.ahibridge.storage.AzureConnection;
import org.junit.jupiter.api.Test;

import com.azure.storage.blob.BlobServiceClient;

/** Which endpoint and credential source {@link AzureClients} picks; building a client sends no request. */
class AzureClientsTest {

    private static final String KEY = "a2V5LW5vdC11c2VkLWZvci1hbnktcmVxdWVzdA==";

    private static BlobServiceClient client(AzureConnection connection, Map<String, String> settings) {
        return AzureClients.create(connection, AzureTuning.DEFAULT, settings::get);
    }

    @Test
    void shouldUseTheAccountsPublicEndpointByDefault() {
        BlobServiceClient client = client(new AzureConnection("landing", null), Map.of("AZURE_STORAGE_KEY", KEY));

        assertThat(client.getAccountUrl()).isEqualTo("https://landing.blob.core.windows.net");
        assertThat(client.getAccountName()).isEqualTo("landing");
    }

    @Test
    void shouldTakeTheEndpointOfAConnectionStringForTheSameAccount() {
        String connectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + KEY
                + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

        BlobServiceClient same = client(new AzureConnection("devstoreaccount1", null),
                Map.of("AZURE_STORAGE_CONNECTION_STRING", connectionString));
        BlobServiceClient other = client(new AzureConnection("production", null),
                Map.of("AZURE_STORAGE_CONNECTION_STRING", connectionString, "AZURE_STORAGE_KEY", KEY));

        assertThat(same.getAccountUrl()).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
        assertThat(other.getAccountUrl()).isEqualTo("https://production.blob.core.windows.net");
    }

    @Test
    void shouldPreferTheRegisteredEndpoint() {
        BlobServiceClient client = client(new AzureConnection("sovereign",
                URI.create("https://sovereign.blob.core.usgovcloudapi.net")), Map.of("AZURE_STORAGE_KEY", KEY));

        assertThat(client.getAccountUrl()).isEqualTo("https://sovereign.blob.core.usgovcloudapi.net");
    }

    @Test
    void shouldFallBackToEntraIdWhenNoKeyAppliesToTheAccount() {
        // AZURE_STORAGE_ACCOUNT names another account, so its key must not be sent to this one.
        BlobServiceClient client = client(new AzureConnection("landing", null),
                Map.of("AZURE_STORAGE_ACCOUNT", "other", "AZURE_STORAGE_KEY", KEY));

        assertThat(client.getAccountUrl()).isEqualTo("https://landing.blob.core.windows.net");
    }

    @Test
    void shouldNeverPrintTheConnectionStringItself() {
        AzureClients.ConnectionString parsed = AzureClients.ConnectionString.parse(
                "AccountName=a1b;AccountKey=" + KEY + ";BlobEndpoint=http://h/a1b");

        assertThat(parsed.toString()).doesNotContain(KEY).contains("a1b");
        assertThat(parsed.appliesTo("a1b")).isTrue();
        assertThat(parsed.appliesTo("zzz")).isFalse();
    }
}
