package org.ahibridge.storage.gcs;

import java.io.IOException;

import org.ahibridge.storage.StorageException;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;

/**
 * Builds GCS clients (JSON API over HTTP) for a {@link GcsConnection}. Credentials come from
 * Application Default Credentials: {@code GOOGLE_APPLICATION_CREDENTIALS}, the gcloud user login,
 * or the attached service account / workload identity. With an endpoint override (an emulator) and
 * no credentials found, requests go unauthenticated, which emulators accept.
 */
public final class GcsClients {

    private GcsClients() {
    }

    public static Storage create(GcsConnection connection) {
        StorageOptions.Builder builder = StorageOptions.http();
        if (connection.project() != null && !connection.project().isBlank()) {
            builder.setProjectId(connection.project());
        }
        if (connection.endpoint() != null) {
            builder.setHost(connection.endpoint().toString());
        }
        builder.setCredentials(credentials(connection));
        return builder.build().getService();
    }

    private static Credentials credentials(GcsConnection connection) {
        try {
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            if (connection.endpoint() != null) {
                return NoCredentials.getInstance();
            }
            // Not transient: nothing changes until someone provides credentials.
            throw new StorageException("no Google Application Default Credentials found for the gcs provider:"
                    + " set GOOGLE_APPLICATION_CREDENTIALS to a service account key file, run"
                    + " 'gcloud auth application-default login', or run with an attached service account", false, e);
        }
    }
}
