package org.ahibridge.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;

/** Building a client for an emulator endpoint needs no credentials and contacts nothing. */
class GcsClientsTest {

    @Test
    void shouldPointAClientAtTheEndpointAndProjectWithoutCredentialsForAnEmulator() throws Exception {
        Assumptions.assumeTrue(System.getenv("GOOGLE_APPLICATION_CREDENTIALS") == null,
                "a key file is configured, so the client would use it");

        try (Storage storage = GcsClients.create(new GcsConnection("emulated-project", URI.create("http://127.0.0.1:9")))) {
            assertThat(storage.getOptions().getHost()).isEqualTo("http://127.0.0.1:9");
            assertThat(storage.getOptions().getProjectId()).isEqualTo("emulated-project");
            assertThat(storage.getOptions().getCredentials()).isSameAs(NoCredentials.getInstance());
        }
    }
}
