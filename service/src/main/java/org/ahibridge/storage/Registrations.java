package org.ahibridge.storage;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The validated storage and datastore registrations (docs/design.md §2), and the resolution of names and
 * URIs given to commands and routes. A URI inside a registered storage's location resolves to that
 * registration and a key prefix, so its access mode applies; any other URI becomes an ad-hoc
 * {@code read-write} storage using the {@code ahibridge.s3} connection defaults. Either way the
 * selection carries the {@link AccessRules} of all registrations, so a location that overlaps another
 * registration obeys that one's mode too.
 */
public final class Registrations {

    private final Map<String, StorageRegistration> storages;
    private final Map<String, DatastoreRegistration> datastores;
    private final S3Connection s3Defaults;
    private final AccessRules rules;

    private Registrations(RegistrationBinder binder) {
        this.storages = Map.copyOf(binder.storages);
        this.datastores = Map.copyOf(binder.datastores);
        this.s3Defaults = binder.defaults();
        this.rules = AccessRules.of(this.storages.values());
    }

    private Registrations(Map<String, StorageRegistration> storages, Map<String, DatastoreRegistration> datastores,
            S3Connection s3Defaults) {
        this.storages = Map.copyOf(storages);
        this.datastores = Map.copyOf(datastores);
        this.s3Defaults = s3Defaults;
        this.rules = AccessRules.of(this.storages.values());
    }

    /**
     * These registrations plus a datastore registered by code (the embedded default's {@code local});
     * refused when the name is already configured.
     */
    public Registrations withDatastore(DatastoreRegistration datastore) {
        if (datastores.containsKey(datastore.name())) {
            throw new IllegalArgumentException("datastore '" + datastore.name() + "' is already registered");
        }
        Map<String, DatastoreRegistration> more = new java.util.HashMap<>(datastores);
        more.put(datastore.name(), datastore);
        return new Registrations(storages, more, s3Defaults);
    }

    public boolean hasDatastore(String name) {
        return datastores.containsKey(name);
    }

    /** Validates the configuration; throws {@link InvalidRegistrationException} listing every problem. */
    public static Registrations from(RegistrationProperties properties) {
        return new Registrations(new RegistrationBinder(properties).bind());
    }

    /** The access rules of every registered storage, which any read or write must obey. */
    public AccessRules accessRules() {
        return rules;
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
     * (storage, key) identity in the ledger however it was named. When registrations are nested, the
     * innermost one that holds the URI is taken, so the choice does not depend on map order.
     */
    public StorageSelection resolveStorage(String nameOrUri) {
        StorageRegistration named = storages.get(nameOrUri);
        if (named != null) {
            return new StorageSelection(named, "", rules);
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
        StorageRegistration innermost = null;
        for (StorageRegistration registration : new TreeMap<>(storages).values()) {
            if (registration.location().contains(location)
                    && (innermost == null || innermost.location().contains(registration.location()))) {
                innermost = registration;
            }
        }
        if (innermost != null) {
            return new StorageSelection(innermost, innermost.location().relativePath(location), rules);
        }
        AzureConnection azure = location.provider() == StorageProvider.AZURE_BLOB
                ? new AzureConnection(StorageUris.azureAccount(location), null)
                : null;
        return new StorageSelection(new StorageRegistration(location.uri(), location, AccessMode.READ_WRITE,
                location.provider() == StorageProvider.S3 ? s3Defaults : null, true, azure), "", rules);
    }
}
