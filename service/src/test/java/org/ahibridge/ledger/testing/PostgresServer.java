package org.ahibridge.ledger.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server the tests may create databases on: its JDBC URL without a database name (ending in
 * {@code /}), a user with CREATEDB, and where it came from, for messages.
 */
public record PostgresServer(String baseUrl, String user, String password, String description) {

    /** Runs {@code sql} (create or drop a database) on the server's {@code postgres} database. */
    public void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(baseUrl + "postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL (" + description + "): " + sql + " failed: " + e.getMessage(), e);
        }
    }

    /** True when the server accepts a connection within two seconds. */
    public boolean answers() {
        try (Connection ignored = DriverManager.getConnection(baseUrl + "postgres?connectTimeout=2", user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
