package org.ahibridge.ledger.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A migrated ledger database for tests: an in-memory H2 (plain or MODE=PostgreSQL) or a fresh database
 * on the local PostgreSQL (127.0.0.1:5432, user postgres), dropped again by {@link #close()}.
 * {@link #postgresAvailable()} lets tests skip when PostgreSQL is not running. Another server: system
 * properties {@code ahibridge.test.postgres} (a URL ending in {@code /}, e.g.
 * {@code jdbc:postgresql://db:5432/}), {@code ahibridge.test.postgres-user} and
 * {@code ahibridge.test.postgres-password}; the user needs CREATEDB (docs/multi-instance.md §7).
 */
public final class LedgerDatabase implements AutoCloseable {

    private static final String POSTGRES = System.getProperty("ahibridge.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String POSTGRES_USER = System.getProperty("ahibridge.test.postgres-user", "postgres");
    public static final String POSTGRES_PASSWORD = System.getProperty("ahibridge.test.postgres-password", "");

    private final DataSource dataSource;
    private final String postgresName;

    private LedgerDatabase(DataSource dataSource, String postgresName) {
        this.dataSource = dataSource;
        this.postgresName = postgresName;
        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    public static LedgerDatabase h2(boolean postgresMode) {
        String url = "jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                + (postgresMode ? ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" : "");
        return new LedgerDatabase(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""), null);
    }

    public static boolean postgresAvailable() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES + "postgres?connectTimeout=2", POSTGRES_USER,
                POSTGRES_PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public static LedgerDatabase postgres() {
        String name = "ahibridge_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("create database " + name);
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(POSTGRES + name);
        pool.setUsername(POSTGRES_USER);
        pool.setPassword(POSTGRES_PASSWORD);
        pool.setMaximumPoolSize(6);
        return new LedgerDatabase(pool, name);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** The JDBC URL other processes use to reach this database (user postgres or sa, no password). */
    public String jdbcUrl() {
        return postgresName != null ? POSTGRES + postgresName : ((SimpleDriverDataSource) dataSource).getUrl();
    }

    public String name() {
        return postgresName != null ? "PostgreSQL" : "H2";
    }

    @Override
    public void close() {
        if (postgresName != null) {
            ((HikariDataSource) dataSource).close();
            admin("drop database if exists " + postgresName);
        } else {
            jdbc().sql("shutdown").update();
        }
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", POSTGRES_USER, POSTGRES_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
