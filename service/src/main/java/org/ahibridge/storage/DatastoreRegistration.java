package org.ahibridge.storage;

import java.net.URI;
import java.util.Objects;

/**
 * A registered AHI datastore (provider {@code ahi}, docs/design.md §2): its id and region, an optional
 * endpoint override (the emulator), the data-access role AHI assumes to read staging and write output
 * (docs/aws-healthimaging.md §11.2), the S3 staging and output locations an import needs, and the access mode. Like
 * Flywheel, an AHI registration has no prefix, overwrite or delete options.
 */
public record DatastoreRegistration(String name, String datastoreId, String region, URI endpoint,
        String dataAccessRoleArn, StorageRegistration staging, StorageRegistration output,
        AccessMode access) {

    public DatastoreRegistration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datastoreId, "datastoreId");
        Objects.requireNonNull(access, "access");
    }

    public String configurationKey() {
        return "ahibridge.datastores." + name;
    }

    public StorageRegistration requireStaging() {
        if (staging == null) {
            throw new AccessModeException("datastore '" + name + "' has no staging location; set "
                    + configurationKey() + ".staging to an s3:// URI or a registered s3 storage");
        }
        return staging;
    }

    public StorageRegistration requireOutput() {
        if (output == null) {
            throw new AccessModeException("datastore '" + name + "' has no output location; set "
                    + configurationKey() + ".output to an s3:// URI or a registered s3 storage");
        }
        return output;
    }
}
