package org.ahibridge.importing;

import org.ahibridge.storage.StorageLocation;

/**
 * Where an import job writes its output: {@code <outputS3Uri>/<datastoreId>-DicomImport-<jobId>/}
 * (docs/aws-healthimaging.md §6). GetDICOMImportJob reports {@code outputS3Uri} with that job folder already appended,
 * while the documented EventBridge example carries the caller's prefix (docs/aws-healthimaging.md §7.2), so both forms
 * are accepted: the folder is appended only when missing.
 */
public final class JobOutputLocation {

    public static final String MANIFEST = "job-output-manifest.json";
    public static final String SUCCESS = "SUCCESS/success.ndjson";
    public static final String WARNING = "WARNING/warning.ndjson";
    public static final String FAILURE = "FAILURE/failure.ndjson";

    private JobOutputLocation() {
    }

    /** The job folder URI, ending with '/'. */
    public static String jobFolderUri(String outputS3Uri, String datastoreId, String jobId) {
        String folder = datastoreId + "-DicomImport-" + jobId + "/";
        String uri = outputS3Uri.endsWith("/") ? outputS3Uri : outputS3Uri + "/";
        return uri.endsWith("/" + folder) ? uri : uri + folder;
    }

    /** The job folder as a key prefix of the output storage (relative to its root). */
    public static String jobFolderKey(StorageLocation outputStorage, String jobFolderUri) {
        String root = outputStorage.uri();
        if (!jobFolderUri.startsWith(root)) {
            throw new IllegalArgumentException("the import job wrote its output to " + jobFolderUri
                    + ", outside the datastore's output location " + root);
        }
        return jobFolderUri.substring(root.length());
    }
}
