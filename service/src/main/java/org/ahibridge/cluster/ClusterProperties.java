package org.ahibridge.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this instance shares work with others on the same ledger ({@code ahibridge.cluster.*},
 * docs/multi-instance.md).
 *
 * @param instanceId        this instance's name in lease columns and in the Quartz cluster; blank: host
 *                          name, process id and a random suffix (unique per start, so a restarted
 *                          instance never mistakes a dead predecessor's lease for its own)
 * @param leaseTtl          how long a claimed step stays with an instance that stopped answering
 * @param quartzClustered   true: the import-poll cron runs on a clustered Quartz JDBC job store in the
 *                          ledger (PostgreSQL), so each firing runs on one instance; false: per-instance RAM store
 * @param quartzCheckin     how often each instance checks in with the Quartz cluster; a peer silent for
 *                          longer than this (plus a grace period) is considered dead and its firings recovered
 */
@ConfigurationProperties("ahibridge.cluster")
public record ClusterProperties(String instanceId, @DefaultValue("PT2M") Duration leaseTtl,
        @DefaultValue("false") boolean quartzClustered, @DefaultValue("PT7.5S") Duration quartzCheckin) {
}
