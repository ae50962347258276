package org.ahibridge.emulator.ahi.store;

import java.util.Map;

/** A data store (service model DatastoreProperties); times in epoch milliseconds. */
public record Datastore(String id, String name, String status, String kmsKeyArn, String lambdaAuthorizerArn,
        String losslessStorageFormat, long createdAt, long updatedAt, String clientToken, Map<String, String> tags) {

    /** DatastoreStatus values the emulator uses (the model also has CREATE_FAILED). */
    public static final String CREATING = "CREATING";
    public static final String ACTIVE = "ACTIVE";

    public Datastore withStatus(String newStatus, long now) {
        return new Datastore(id, name, newStatus, kmsKeyArn, lambdaAuthorizerArn, losslessStorageFormat, createdAt,
                now, clientToken, tags);
    }

    public Datastore withTags(Map<String, String> newTags) {
        return new Datastore(id, name, status, kmsKeyArn, lambdaAuthorizerArn, losslessStorageFormat, createdAt,
                updatedAt, clientToken, Map.copyOf(newTags));
    }
}
