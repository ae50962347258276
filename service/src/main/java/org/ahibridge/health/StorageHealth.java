package org.ahibridge.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.GuardedBlobStore;
import org.ahibridge.storage.StorageException;
import org.ahibridge.storage.StorageProvider;
import org.ahibridge.storage.StorageRegistration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * One registered storage, by the cheapest call that proves it is reachable with the service's credentials: a
 * one-key listing (S3 ListObjectsV2, Azure List Blobs, GCS objects.list; no object is read), or for a local
 * folder, that it exists and is readable. The listing bypasses the access guard, so a write-only destination
 * is checked too. Details: provider and, when DOWN, whether the fault looks transient; never a key, a
 * credential or the provider's message.
 */
final class StorageHealth implements HealthIndicator {

    private final StorageRegistration registration;
    private final Supplier<BlobStore> store;

    /**
     * @param store opens the registration's store; asked at each check of a bucket or container only, since
     *              opening a folder's store would create the folder and hide that it is missing
     */
    StorageHealth(StorageRegistration registration, Supplier<BlobStore> store) {
        this.registration = registration;
        this.store = store;
    }

    @Override
    public Health health() {
        StorageProvider provider = registration.provider();
        Health.Builder health = Health.up();
        try {
            if (provider == StorageProvider.FILE) {
                Path folder = registration.location().folder();
                if (!Files.isDirectory(folder) || !Files.isReadable(folder)) {
                    health = Health.down().withDetail("error", "the folder does not exist or is not readable");
                }
            } else {
                GuardedBlobStore.unwrap(store.get()).list("", null, 1);
            }
        } catch (StorageException e) {
            health = Health.down().withDetail("error", e.isTransient() ? "unreachable or throttled"
                    : "refused (credentials, permissions or a missing bucket/container)");
        } catch (RuntimeException e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName());
        }
        return health.withDetail("provider", provider.label()).withDetail("access",
                registration.access().label()).build();
    }
}
