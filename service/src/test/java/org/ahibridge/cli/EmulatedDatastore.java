package org.ahibridge.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.ahibridge.testing.EmulatedDatastoreSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS side of the import command tests, as an extension in a static field: an emulator for the class
 * ({@link EmulatorExtension}), the buckets {@code staging} and {@code output}, and one datastore; plus the
 * settings that register that datastore as {@code local} with its ledger and audit under a test's folder.
 */
final class EmulatedDatastore implements BeforeAllCallback, AfterAllCallback {

    private final String datastoreName;
    private final EmulatorExtension emulator = EmulatorExtension.create();
    private String datastoreId;

    EmulatedDatastore(String datastoreName) {
        this.datastoreName = datastoreName;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The default credentials chain of the bridge's clients reads these; the emulator accepts any.
        System.setProperty("aws.accessKeyId", "emulator");
        System.setProperty("aws.secretAccessKey", "emulator");
        emulator.beforeAll(context);
        for (String bucket : List.of("staging", "output")) {
            emulator.s3().createBucket(b -> b.bucket(bucket));
        }
        datastoreId = EmulatorClients.createActiveDatastore(emulator.ahi(), datastoreName);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.afterAll(context);
    }

    Emulator emulator() {
        return emulator.emulator();
    }

    S3Client s3() {
        return emulator.s3();
    }

    String datastoreId() {
        return datastoreId;
    }

    /** {@code key=value} settings: datastore {@code local} on this emulator, ledger and audit under {@code folder}. */
    List<String> settings(Path folder) {
        Map<String, String> settings = new LinkedHashMap<>(
                EmulatedDatastoreSettings.localDatastore(emulator.endpoints(), datastoreId, "stage/", "out/"));
        settings.putAll(EmulatedDatastoreSettings.ledgerAndAudit(folder));
        settings.put("ahibridge.import.jobs.poll-interval", "PT0.5S");
        return settings.entrySet().stream().map(s -> s.getKey() + "=" + s.getValue()).toList();
    }

    /** The same settings as command-line options ({@code -Dkey=value}). */
    List<String> options(Path folder) {
        return settings(folder).stream().map(s -> "-D" + s).toList();
    }
}
