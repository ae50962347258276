package org.ahibridge.ledger;

import java.time.Instant;
import java.util.Objects;

/** One version of a source object as a listing or notification reports it. */
public record ObjectVersion(String storage, String key, String version, long size, Instant lastModified) {

    public ObjectVersion {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
    }

    /** The ledger identity: SHA-256 of storage, key and version. */
    String identity() {
        return Digests.sha256(storage, key, version);
    }
}
