package org.ahibridge.storage;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The validated storage and datastore registrations (DESIGN.md §2), and the resolution of names and
 * URIs given to commands and routes. A URI inside a registered storage's location resolves to that
 * registration and a key prefix, so its access mode applies; any other URI becomes an ad-hoc
 * {@code read-write} storage using the {@code ahibridge.s3} connection defaults.
 */
public final class Registrations {

    private final Map<String, StorageRegistration> storages;
    private final Map<String, DatastoreRegistration> datastores;
    private final S3Connection s3Defaults;

    private Registrations(RegistrationBinder binder) {
        this.storages = Map.copyOf(binder.storages);
        this.datastores = Map.copyOf(binder.datastores);
        this.s3Defaults = binder.defaults();
    }

    /** Validates the configuration; throws {@link InvalidRegistrationException} listing every problem. */
    public static Registrations from(RegistrationProperties properties) {
        return new Registrations(new RegistrationBinder(properties).bind());
    }

    public Collection<StorageRegistration> storages() {
        return storages.values();
    }

    public Collection<DatastoreRegistration> datastores() {
        return datastores.values();
    }

    public Optional<StorageRegistration> storage(String name) {
        return Optional.ofNullable(storages.get(name));
    }

    public DatastoreRegistration datastore(String name) {
        DatastoreRegistration datastore = datastores.get(name);
        if (datastore == null) {
            throw new IllegalArgumentException("no datastore named '" + name + "' is registered; known: "
                    + (datastores.isEmpty() ? "none" : String.join(", ", datastores.keySet()))
                    + " (ahibridge.datastores.<name>)");
        }
        return datastore;
    }

    /**
     * A registered storage by name, or a storage URI as explained in the class comment. A URI inside a
     * registration keeps the registration's root and becomes a key prefix, so an object has the same
     * (storage, key) identity in the ledger however it was named.
     */
    public StorageSelection resolveStorage(String nameOrUri) {
        StorageRegistration named = storages.get(nameOrUri);
        if (named != null) {
            return new StorageSelection(named, "");
        }
        if (!StorageUris.isUri(nameOrUri)) {
            throw new IllegalArgumentException("'" + nameOrUri + "' is neither a registered storage nor a"
                    + " storage URI (file:/folder, s3://bucket/prefix/); registered: "
                    + (storages.isEmpty() ? "none" : String.join(", ", storages.keySet())));
        }
        StorageLocation location = StorageUris.parse(nameOrUri);
        if (!location.provider().available()) {
            throw new IllegalArgumentException("'" + nameOrUri + "': provider " + location.provider()
                    + " is not available yet; use s3 or file");
        }
        for (StorageRegistration registration : storages.values()) {
            if (registration.location().contains(location)) {
                return new StorageSelection(registration, registration.location().relativePath(location));
            }
        }
        return new StorageSelection(new StorageRegistration(location.uri(), location, AccessMode.READ_WRITE,
                location.provider() == StorageProvider.S3 ? s3Defaults : null, true), "");
    }
}
