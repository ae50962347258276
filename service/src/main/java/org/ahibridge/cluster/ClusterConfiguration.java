package org.ahibridge.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;

import javax.sql.DataSource;

import org.ahibridge.ledger.WorkLeases;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Beans that let several instances share one ledger (docs/multi-instance.md): this instance's
 * {@link WorkLeases}, and with {@code ahibridge.cluster.quartz-clustered=true} a Quartz scheduler on a
 * clustered JDBC job store in the ledger database. camel-quartz autowires a single {@link Scheduler}
 * bean, so the import-poll route's cron then fires on exactly one instance per firing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
public class ClusterConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfiguration.class);

    /** All instances of one deployment must use this scheduler name: Quartz clusters by it. */
    static final String SCHEDULER_NAME = "ahi-bridge";
    private static final String QUARTZ_DATA_SOURCE = "ahiBridgeLedger";

    @Bean
    WorkLeases workLeases(JdbcClient jdbc, Clock clock, ClusterProperties properties) {
        String owner = InstanceIds.resolve(properties.instanceId());
        LOG.info("Instance '{}' takes work under leases of {}", owner, properties.leaseTtl());
        return new WorkLeases(jdbc, clock, owner, properties.leaseTtl());
    }

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnProperty(name = "ahibridge.cluster.quartz-clustered", havingValue = "true")
    Scheduler clusteredQuartzScheduler(DataSource dataSource, WorkLeases workLeases, ClusterProperties properties)
            throws SchedulerException {
        requirePostgres(dataSource);
        DBConnectionManager.getInstance().addConnectionProvider(QUARTZ_DATA_SOURCE, new DataSourceConnections(dataSource));
        StdSchedulerFactory factory = new StdSchedulerFactory(quartzProperties(workLeases.owner(), properties));
        Scheduler scheduler = factory.getScheduler();
        LOG.info("Quartz job store is clustered in the ledger as instance '{}'", workLeases.owner());
        return scheduler;
    }

    /** The Quartz settings of a clustered JDBC job store over the ledger's DataSource. */
    static Properties quartzProperties(String instanceId, ClusterProperties cluster) {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        quartz.setProperty("org.quartz.scheduler.instanceId", instanceId);
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", "2");
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.jobStore.dataSource", QUARTZ_DATA_SOURCE);
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(cluster.quartzCheckin().toMillis()));
        // A missed firing of a frequent poll is not worth catching up: the next one lists everything anyway.
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return quartz;
    }

    private static void requirePostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"PostgreSQL".equalsIgnoreCase(product)) {
                throw new IllegalStateException("ahibridge.cluster.quartz-clustered=true needs the ledger on PostgreSQL"
                        + " (the Quartz tables are created there by migration V61); the ledger is on " + product
                        + ". Several instances need a shared PostgreSQL ledger anyway: see docs/multi-instance.md.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the ledger database: " + e.getMessage(), e);
        }
    }
}
