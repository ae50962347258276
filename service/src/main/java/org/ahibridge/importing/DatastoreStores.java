package org.ahibridge.importing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.BlobStores;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.Registrations;
import org.ahibridge.storage.StorageRegistration;

/**
 * The stores the back half of the import works on: each source storage by the name the ledger recorded,
 * and each datastore's staging and output. Opened on first use and kept: a run with nothing to stage
 * (an empty source) never connects to the datastore's buckets, nor starts the embedded emulator behind them.
 */
public final class DatastoreStores {

    private final Function<String, DatastoreRegistration> datastores;
    private final Function<String, StorageRegistration> storages;
    private final Function<StorageRegistration, BlobStore> open;
    private final Map<String, BlobStore> opened = new ConcurrentHashMap<>();

    public DatastoreStores(Registrations registrations, BlobStores blobStores) {
        this(registrations::datastore, storage -> registrations.resolveStorage(storage).registration(),
                blobStores::open);
    }

    /**
     * @param datastores the registration of a datastore name
     * @param storages   the registration of a storage name or URI
     * @param open       opens the store of a registration
     */
    public DatastoreStores(Function<String, DatastoreRegistration> datastores,
            Function<String, StorageRegistration> storages, Function<StorageRegistration, BlobStore> open) {
        this.datastores = datastores;
        this.storages = storages;
        this.open = open;
    }

    /** The registration of a datastore name. */
    public DatastoreRegistration datastore(String name) {
        return datastores.apply(name);
    }

    /** The store of a storage name or URI, as recorded in the ledger. */
    public BlobStore source(String storage) {
        return opened("source " + storage, () -> storages.apply(storage));
    }

    public BlobStore staging(DatastoreRegistration datastore) {
        return opened("staging " + datastore.name(), datastore::requireStaging);
    }

    public BlobStore output(DatastoreRegistration datastore) {
        return opened("output " + datastore.name(), datastore::requireOutput);
    }

    private BlobStore opened(String key, Supplier<StorageRegistration> registration) {
        return opened.computeIfAbsent(key, k -> open.apply(registration.get()));
    }
}
