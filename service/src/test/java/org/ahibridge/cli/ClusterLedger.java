package org.ahibridge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What each test of the multi-instance ITs shares with the service instances it starts: a fresh PostgreSQL
 * ledger database, and the instances themselves, all stopped after the test (killed ones included) before the
 * database is dropped. Register it in an instance field with {@code @RegisterExtension}; the class needs
 * {@code @Requires(PostgresAvailable.class)}.
 */
final class ClusterLedger implements BeforeEachCallback, AfterEachCallback {

    private final List<ServiceInstance> instances = new ArrayList<>();
    private LedgerDatabase ledger;
    private JdbcClient sql;

    @Override
    public void beforeEach(ExtensionContext context) {
        ledger = LedgerDatabase.postgres();
        sql = ledger.jdbc();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            for (ServiceInstance instance : instances) {
                instance.close();
            }
        } finally {
            instances.clear();
            if (ledger != null) {
                ledger.close();
                ledger = null;
                sql = null;
            }
        }
    }

    LedgerDatabase ledger() {
        return ledger;
    }

    /** SQL on the ledger, as the test checks it. */
    JdbcClient sql() {
        return sql;
    }

    /**
     * The settings of instance {@code id} that make it one of this test's cluster: its id, this ledger, and an
     * audit folder of its own under {@code auditRoot}, where the test reads every instance's lines back.
     */
    Map<String, String> instanceSettings(String id, Path auditRoot) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ahibridge.cluster.instance-id", id);
        settings.put("ahibridge.ledger.url", ledger.jdbcUrl());
        settings.put("ahibridge.ledger.username", ledger.username());
        settings.put("ahibridge.ledger.password", ledger.password());
        settings.put("ahibridge.audit.directory", auditRoot.resolve(id).toString());
        return settings;
    }

    /** The instances started so far, in order; add each one as it starts. */
    List<ServiceInstance> instances() {
        return instances;
    }
}
