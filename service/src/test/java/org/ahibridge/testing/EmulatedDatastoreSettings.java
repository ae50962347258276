package org.ahibridge.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ahibridge.emulator.EmulatorEndpoints;

/**
 * The bridge settings the import tests share: S3 on the emulator, the emulator's datastore registered as
 * {@code local} (staging in bucket {@code staging}, output in bucket {@code output}), and an H2 ledger and
 * the audit under a test's folder. Each test adds what it is about.
 */
public final class EmulatedDatastoreSettings {

    private EmulatedDatastoreSettings() {
    }

    /**
     * @param stagingPrefix where in bucket {@code staging} the test's batches are staged ({@code stage/}
     *                      style: no leading slash, a trailing one)
     * @param outputPrefix  where in bucket {@code output} the test's jobs write
     */
    public static Map<String, String> localDatastore(EmulatorEndpoints e, String datastoreId, String stagingPrefix,
            String outputPrefix) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ahibridge.embedded.enabled", "false");
        settings.put("ahibridge.s3.endpoint", e.s3().toString());
        settings.put("ahibridge.s3.path-style", "true");
        settings.put("ahibridge.s3.region", e.region());
        settings.put("ahibridge.datastores.local.datastore-id", datastoreId);
        settings.put("ahibridge.datastores.local.access", "write");
        settings.put("ahibridge.datastores.local.region", e.region());
        settings.put("ahibridge.datastores.local.endpoint", e.ahi().toString());
        settings.put("ahibridge.datastores.local.data-access-role-arn",
                "arn:aws:iam::" + e.accountId() + ":role/ImportRole");
        settings.put("ahibridge.datastores.local.staging", "s3://staging/" + stagingPrefix);
        settings.put("ahibridge.datastores.local.output", "s3://output/" + outputPrefix);
        return settings;
    }

    /** An H2 ledger file and the audit folder, both under {@code folder}. */
    public static Map<String, String> ledgerAndAudit(Path folder) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ahibridge.ledger.url",
                "jdbc:h2:file:" + folder.resolve("ledger/ledger") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        settings.put("ahibridge.audit.directory", folder.resolve("audit").toString());
        return settings;
    }
}
