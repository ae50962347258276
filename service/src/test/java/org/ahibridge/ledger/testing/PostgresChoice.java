package org.ahibridge.ledger.testing;

import java.util.function.BooleanSupplier;

/**
 * Which PostgreSQL the tests use, in this order: the server named by {@code -Dahibridge.test.postgres=URL};
 * else the local one on 127.0.0.1:5432 when it answers; else one embedded server for the test JVM.
 * {@code -Dahibridge.test.postgres=embedded} goes straight to the embedded server without asking the local one.
 */
enum PostgresChoice {
    NAMED, LOCAL, EMBEDDED;

    static final String PROPERTY = "ahibridge.test.postgres";
    static final String EMBEDDED_VALUE = "embedded";

    static PostgresChoice decide(String configured, BooleanSupplier localAnswers) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip().equalsIgnoreCase(EMBEDDED_VALUE) ? EMBEDDED : NAMED;
        }
        return localAnswers.getAsBoolean() ? LOCAL : EMBEDDED;
    }
}
