package org.ahibridge.storage.gcs;

import java.net.URI;

/**
 * How to reach Google Cloud Storage: the project to bill and create requests under (null: the one
 * Application Default Credentials name) and an endpoint override for emulators (null: Google's). No
 * credentials are configured here: they always come from Application Default Credentials.
 */
public record GcsConnection(String project, URI endpoint) {

    public static final GcsConnection DEFAULT = new GcsConnection(null, null);
}
