package org.ahibridge.ledger.testing;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The one PostgreSQL server of this test JVM, chosen once ({@link PostgresChoice}). A server named with
 * {@code -Dahibridge.test.postgres} is used as given, even when it does not answer: its tests then fail
 * instead of quietly testing another server. Only when no server answers and the embedded one cannot start
 * either are the PostgreSQL tests skipped, with {@link #unavailable()} as the reason.
 */
public final class PostgresServers {

    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = System.getProperty("ahibridge.test.postgres-user", "postgres");
    private static final String PASSWORD = System.getProperty("ahibridge.test.postgres-password", "");

    private static volatile PostgresServer server;
    private static volatile String unavailable;

    private PostgresServers() {
    }

    /** The server, or a skip of the calling test with the reason when there is none (a failure on CI). */
    public static PostgresServer server() {
        resolve();
        if (server == null && new PostgresAvailable().mustNotSkip()) {
            throw new IllegalStateException(unavailable + " (required here: this run must not skip it)");
        }
        if (server == null) {
            Assumptions.abort(unavailable);
        }
        return server;
    }

    /** Empty when a server is there; else why not and how to get one. */
    public static synchronized Optional<String> unavailable() {
        resolve();
        return Optional.ofNullable(unavailable);
    }

    private static synchronized void resolve() {
        if (server != null || unavailable != null) {
            return;
        }
        String configured = System.getProperty(PostgresChoice.PROPERTY);
        PostgresServer local = new PostgresServer(LOCAL_URL, "postgres", "", "the local server on 127.0.0.1:5432");
        switch (PostgresChoice.decide(configured, local::answers)) {
            case NAMED -> server = new PostgresServer(withSlash(configured.strip()), USER, PASSWORD,
                    "the server named by -D" + PostgresChoice.PROPERTY);
            case LOCAL -> server = local;
            case EMBEDDED -> {
                try {
                    server = EmbeddedPostgresServer.shared();
                } catch (RuntimeException | LinkageError e) {
                    String asked = configured == null || configured.isBlank()
                            ? "nothing answers on 127.0.0.1:5432 and " : "";
                    unavailable = "no PostgreSQL: " + asked + "the embedded server did not start (" + e.getMessage()
                            + "); start one on 127.0.0.1:5432 or pass -D" + PostgresChoice.PROPERTY
                            + "=jdbc:postgresql://HOST:5432/";
                }
            }
        }
        if (server != null) {
            System.out.println("PostgreSQL tests use " + server.description() + " (" + server.baseUrl() + ")");
        }
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
