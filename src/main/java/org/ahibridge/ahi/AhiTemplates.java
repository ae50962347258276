package org.ahibridge.ahi;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.ahibridge.storage.DatastoreRegistration;

import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;

/**
 * The {@link AhiOperations} of each registered datastore: one SDK client per region and endpoint, and
 * one StartDICOMImportJob pace shared by all of them (AHI throttles per account and region).
 */
public final class AhiTemplates implements AutoCloseable {

    private final TokenBucket starts;
    private final Map<String, MedicalImagingClient> clients = new ConcurrentHashMap<>();

    public AhiTemplates(TokenBucket starts) {
        this.starts = Objects.requireNonNull(starts, "starts");
    }

    public AhiOperations forDatastore(DatastoreRegistration datastore) {
        URI endpoint = datastore.endpoint();
        MedicalImagingClient client = clients.computeIfAbsent(datastore.region() + " " + endpoint,
                key -> AhiClients.create(datastore.region(), endpoint));
        return new AhiTemplate(client, starts);
    }

    @Override
    public void close() {
        clients.values().forEach(MedicalImagingClient::close);
        clients.clear();
    }
}
