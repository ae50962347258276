package org.ahibridge.ahi;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.ahibridge.storage.DatastoreRegistration;

import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;

/**
 * The {@link AhiOperations} of each registered datastore, for import and export: one SDK client per region and
 * endpoint, and one set of paces ({@link AhiPaces}) and one retry policy ({@link AhiRetry}) shared by all of
 * them (AHI throttles per account and region).
 */
public final class AhiTemplates implements AutoCloseable {

    private final AhiPaces paces;
    private final AhiRetry retry;
    private final Map<String, MedicalImagingClient> clients = new ConcurrentHashMap<>();
    private final Map<String, String> datastoreArns = new ConcurrentHashMap<>();
    // TagResource is throttled at 10 per second, burst 20 (docs/aws-healthimaging.md §8.2): stay at half of it.
    private final TokenBucket tags = new TokenBucket(5, 10);

    private final BiFunction<String, URI, MedicalImagingClient> clientFactory;

    /** The default read paces and retry policy, with the import's StartDICOMImportJob pace. */
    public AhiTemplates(TokenBucket starts) {
        this(AhiPaces.withStarts(starts), AhiRetry.DEFAULT, AhiClients::create);
    }

    /** @param clientFactory builds the client of a region and endpoint override (null: AWS) */
    public AhiTemplates(AhiPaces paces, AhiRetry retry, BiFunction<String, URI, MedicalImagingClient> clientFactory) {
        this.paces = Objects.requireNonNull(paces, "paces");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clientFactory = Objects.requireNonNull(clientFactory, "clientFactory");
    }

    /** Templates sharing this one's paces and retry policy, with clients from {@code factory}. */
    public AhiTemplates withClientFactory(BiFunction<String, URI, MedicalImagingClient> factory) {
        return new AhiTemplates(paces, retry, factory);
    }

    public AhiOperations forDatastore(DatastoreRegistration datastore) {
        return new AhiTemplate(client(datastore), paces, retry);
    }

    /** The shared paces, from which callers size the fetches they keep in flight. */
    public AhiPaces paces() {
        return paces;
    }

    /** Tagging of the datastore's resources (image sets), over the same client as {@link #forDatastore}. */
    public AhiTagging taggingFor(DatastoreRegistration datastore) {
        return new AhiTagTemplate(client(datastore), datastoreArns, tags);
    }

    private MedicalImagingClient client(DatastoreRegistration datastore) {
        URI endpoint = datastore.endpoint();
        return clients.computeIfAbsent(datastore.region() + " " + endpoint,
                key -> clientFactory.apply(datastore.region(), endpoint));
    }

    @Override
    public void close() {
        clients.values().forEach(MedicalImagingClient::close);
        clients.clear();
    }
}
