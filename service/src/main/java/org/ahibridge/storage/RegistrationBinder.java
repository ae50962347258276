package org.ahibridge.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ahibridge.storage.gcs.GcsConnection;

/** Turns {@link RegistrationProperties} into registrations, collecting every problem it finds. */
final class RegistrationBinder {

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final String DATASTORE_ID = "[0-9a-z]{32}";
    private static final String ROLE_ARN = "arn:aws(-[^:]+)?:iam::[0-9]{12}:role/.+";

    private final RegistrationProperties properties;
    private final S3Connection defaults;
    private final List<String> problems = new ArrayList<>();
    final Map<String, StorageRegistration> storages = new LinkedHashMap<>();
    final Map<String, DatastoreRegistration> datastores = new LinkedHashMap<>();

    RegistrationBinder(RegistrationProperties properties) {
        this.properties = properties;
        this.defaults = properties.s3().connection();
    }

    S3Connection defaults() {
        return defaults;
    }

    RegistrationBinder bind() {
        new TreeMap<>(properties.storages()).forEach(this::bindStorage);
        new TreeMap<>(properties.datastores()).forEach(this::bindDatastore);
        if (!problems.isEmpty()) {
            throw new InvalidRegistrationException(problems);
        }
        return this;
    }

    private void bindStorage(String name, RegistrationProperties.Storage storage) {
        String key = "ahibridge.storages." + name;
        if (!name.matches(NAME) || storage == null) {
            problems.add(key + ": the name must be 1-64 letters, digits, '.', '_' or '-' and have settings");
            return;
        }
        StorageLocation location = location(key + ".location", storage.location());
        AccessMode access = access(key + ".access", storage.access());
        if (location == null || access == null) {
            return;
        }
        if (storage.provider() != null) {
            try {
                StorageProvider provider = StorageProvider.parse(storage.provider());
                if (provider != location.provider()) {
                    problems.add(key + ".provider: '" + provider + "' does not match location '"
                            + storage.location() + "' (a " + location.provider() + " location)");
                    return;
                }
            } catch (IllegalArgumentException e) {
                problems.add(key + ".provider: " + e.getMessage());
                return;
            }
        }
        if (!location.provider().available()) {
            problems.add(key + ": provider " + location.provider() + " is not available yet; use s3 or file");
            return;
        }
        S3Connection s3 = location.provider() == StorageProvider.S3
                ? new S3Connection(storage.region(), storage.endpoint(),
                        storage.pathStyle() != null && storage.pathStyle()).orElse(defaults)
                : null;
        AzureConnection azure = location.provider() == StorageProvider.AZURE_BLOB
                ? new AzureConnection(StorageUris.azureAccount(location), storage.endpoint())
                : null;
        GcsConnection gcs = location.provider() == StorageProvider.GCS
                ? new GcsConnection(storage.project(), storage.endpoint())
                : null;
        storages.put(name, new StorageRegistration(name, location, access, s3, false, azure, gcs));
    }

    private void bindDatastore(String name, RegistrationProperties.Datastore datastore) {
        String key = "ahibridge.datastores." + name;
        if (!name.matches(NAME) || datastore == null) {
            problems.add(key + ": the name must be 1-64 letters, digits, '.', '_' or '-' and have settings");
            return;
        }
        AccessMode access = access(key + ".access", datastore.access());
        if (datastore.datastoreId() == null || !datastore.datastoreId().matches(DATASTORE_ID)) {
            problems.add(key + ".datastore-id: '" + datastore.datastoreId()
                    + "' is not a datastore id (32 lower-case letters or digits)");
        }
        StorageRegistration staging = s3Location(name, key + ".staging", datastore.staging(), true);
        StorageRegistration output = s3Location(name, key + ".output", datastore.output(), false);
        if (access != null && access.canWrite()) {
            requireForImport(key, datastore, staging, output);
        }
        if (access != null && !problems.stream().anyMatch(p -> p.startsWith(key))) {
            datastores.put(name, new DatastoreRegistration(name, datastore.datastoreId(), datastore.region(),
                    datastore.endpoint(), datastore.dataAccessRoleArn(), staging, output, access));
        }
    }

    private void requireForImport(String key, RegistrationProperties.Datastore datastore,
            StorageRegistration staging, StorageRegistration output) {
        String why = " (required because access allows import into the datastore)";
        if (datastore.dataAccessRoleArn() == null || !datastore.dataAccessRoleArn().matches(ROLE_ARN)) {
            problems.add(key + ".data-access-role-arn: '" + datastore.dataAccessRoleArn()
                    + "' is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)" + why);
        }
        if (datastore.staging() == null) {
            problems.add(key + ".staging: missing; give an s3:// URI or a registered s3 storage" + why);
        } else if (staging != null && !staging.access().canWrite()) {
            problems.add(key + ".staging: storage '" + staging.name() + "' is registered read-only, but"
                    + " staging writes batches to it");
        }
        if (datastore.output() == null) {
            problems.add(key + ".output: missing; give an s3:// URI or a registered s3 storage" + why);
        } else if (output != null && !output.access().canRead()) {
            problems.add(key + ".output: storage '" + output.name() + "' is registered write-only, but the"
                    + " import reads its job output manifests there");
        }
        if (staging != null && output != null && (staging.location().contains(output.location())
                || output.location().contains(staging.location()))) {
            problems.add(key + ": staging " + staging.location() + " and output " + output.location()
                    + " overlap; use separate prefixes (docs/aws-healthimaging.md §11.2 recommends separate buckets)");
        }
    }

    private StorageRegistration s3Location(String datastore, String key, String value, boolean staging) {
        if (value == null) {
            return null;
        }
        StorageRegistration registration;
        if (StorageUris.isUri(value)) {
            StorageLocation location = location(key, value);
            if (location == null) {
                return null;
            }
            if (location.provider() != StorageProvider.S3 && location.provider() != StorageProvider.FILE) {
                problems.add(key + ": AHI import jobs read and write S3 only; '" + value + "' is a "
                        + location.provider() + " location");
                return null;
            }
            registration = new StorageRegistration(datastore + (staging ? "-staging" : "-output"), location,
                    AccessMode.READ_WRITE, location.provider() == StorageProvider.S3 ? defaults : null, true);
        } else {
            registration = storages.get(value);
            if (registration == null) {
                problems.add(key + ": '" + value + "' is neither an s3:// URI nor a registered storage");
                return null;
            }
        }
        if (registration.provider() != StorageProvider.S3) {
            problems.add(key + ": AHI import jobs read and write S3 only; '" + value + "' is a "
                    + registration.provider() + " location");
            return null;
        }
        return registration;
    }

    private StorageLocation location(String key, String value) {
        try {
            return StorageUris.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }

    private AccessMode access(String key, String value) {
        if (value == null) {
            problems.add(key + ": missing; set read, write or read-write");
            return null;
        }
        try {
            return AccessMode.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }
}
