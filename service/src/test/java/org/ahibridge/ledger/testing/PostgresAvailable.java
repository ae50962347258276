package org.ahibridge.ledger.testing;

import java.util.Optional;

import org.ahibridge.dicom.testing.Prerequisite;

/**
 * For {@code @Requires}: a PostgreSQL server for the test JVM ({@link PostgresServers}). CI sets
 * {@code AHIBRIDGE_REQUIRE_POSTGRES=true}: there the PostgreSQL tests fail instead of skipping.
 */
public final class PostgresAvailable implements Prerequisite {

    static final String REQUIRE_POSTGRES = "AHIBRIDGE_REQUIRE_POSTGRES";

    @Override
    public Optional<String> missing() {
        return PostgresServers.unavailable();
    }

    @Override
    public boolean mustNotSkip() {
        return Prerequisite.requiredBy(REQUIRE_POSTGRES);
    }
}
