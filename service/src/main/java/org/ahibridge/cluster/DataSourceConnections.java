package org.ahibridge.cluster;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.quartz.utils.ConnectionProvider;

/** Gives Quartz's JDBC job store the ledger's connection pool instead of a pool of its own. */
final class DataSourceConnections implements ConnectionProvider {

    private final DataSource dataSource;

    DataSourceConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the pool belongs to Spring, which closes it
    }

    @Override
    public void initialize() {
        // nothing to set up
    }
}
