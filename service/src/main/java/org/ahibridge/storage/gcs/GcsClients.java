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
 * or the attached service account / workload identity federation. With an endpoint override (an
 * emulator), only {@code GOOGLE_APPLICATION_CREDENTIALS} is used and otherwise requests go
 * unauthenticated, which emulators accept: probing the other ADC sources (the GCE metadata server)
 * would only delay every start on a machine outside Google Cloud.
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
        String keyFile = System.getenv("GOOGLE_APPLICATION_CREDENTIALS");
        if (connection.endpoint() != null && (keyFile == null || keyFile.isBlank())) {
            return NoCredentials.getInstance();
        }
        try {
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            // Not transient: nothing changes until someone provides credentials.
            throw new StorageException("no Google Application Default Credentials found for the gcs provider:"
                    + " set GOOGLE_APPLICATION_CREDENTIALS to a service account key file, run"
                    + " 'gcloud auth application-default login', or run with an attached service account", false, e);
        }
    }
}
