package org.ahibridge.ledger.testing;

import java.util.Optional;

import org.ahibridge.dicom.testing.Prerequisite;

/** For {@code @Requires}: a PostgreSQL server for the test JVM ({@link PostgresServers}). */
public final class PostgresAvailable implements Prerequisite {

    @Override
    public Optional<String> missing() {
        return PostgresServers.unavailable();
    }
}
