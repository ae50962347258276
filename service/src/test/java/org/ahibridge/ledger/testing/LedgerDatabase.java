package org.ahibridge.ledger.testing;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A migrated ledger database for tests: an in-memory H2 (plain or MODE=PostgreSQL) or a fresh database on the
 * test JVM's PostgreSQL server ({@link PostgresServers}: a named server, the local one, or an embedded one),
 * dropped again by {@link #close()}. Another server: system properties {@code ahibridge.test.postgres} (a URL
 * ending in {@code /}, e.g. {@code jdbc:postgresql://db:5432/}), {@code ahibridge.test.postgres-user} and
 * {@code ahibridge.test.postgres-password}; the user needs CREATEDB (docs/multi-instance.md §7).
 */
public final class LedgerDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final PostgresServer server;
    private final String postgresName;

    private LedgerDatabase(DataSource dataSource, PostgresServer server, String postgresName) {
        this.dataSource = dataSource;
        this.server = server;
        this.postgresName = postgresName;
        try {
            Flyway.configure().dataSource(dataSource).load().migrate();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static LedgerDatabase h2(boolean postgresMode) {
        String url = "jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                + (postgresMode ? ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" : "");
        return new LedgerDatabase(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""), null, null);
    }

    /** A new database on the test JVM's PostgreSQL; skips the calling test, with the reason, when there is none. */
    public static LedgerDatabase postgres() {
        PostgresServer server = PostgresServers.server();
        String name = "ahibridge_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        server.admin("create database " + name);
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server.baseUrl() + name);
        pool.setUsername(server.user());
        pool.setPassword(server.password());
        pool.setMaximumPoolSize(6);
        return new LedgerDatabase(pool, server, name);
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

    /** The JDBC URL other processes use to reach this database, with {@link #username()} and {@link #password()}. */
    public String jdbcUrl() {
        return server != null ? server.baseUrl() + postgresName : ((SimpleDriverDataSource) dataSource).getUrl();
    }

    public String username() {
        return server != null ? server.user() : "sa";
    }

    public String password() {
        return server != null ? server.password() : "";
    }

    public String name() {
        return server != null ? "PostgreSQL" : "H2";
    }

    @Override
    public void close() {
        if (server != null) {
            ((HikariDataSource) dataSource).close();
            server.admin("drop database if exists " + postgresName);
        } else {
            jdbc().sql("shutdown").update();
        }
    }
}
