package org.ahibridge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ahibridge.ahi.AhiClients;
import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.EmulatorConfig;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.testing.EmulatedDatastoreSettings;

import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS side of the import command tests: an ephemeral emulator, an S3 client on it, the buckets
 * {@code staging} and {@code output}, and one datastore; plus the settings that register that datastore
 * as {@code local} with its ledger and audit under a test's folder.
 */
final class EmulatedDatastore implements AutoCloseable {

    final Emulator emulator;
    final S3Client s3;
    final String datastoreId;

    private EmulatedDatastore(Emulator emulator, S3Client s3, String datastoreId) {
        this.emulator = emulator;
        this.s3 = s3;
        this.datastoreId = datastoreId;
    }

    static EmulatedDatastore start(String datastoreName) throws IOException {
        // The default credentials chain of the bridge's clients reads these; the emulator accepts any.
        System.setProperty("aws.accessKeyId", "emulator");
        System.setProperty("aws.secretAccessKey", "emulator");
        Emulator emulator = Emulator.start(EmulatorConfig.ephemeral());
        S3Client s3 = Emulator.s3Client(emulator.endpoints().s3(), emulator.endpoints().region());
        for (String bucket : List.of("staging", "output")) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        try (MedicalImagingClient ahi = AhiClients.create(emulator.endpoints().region(), emulator.endpoints().ahi())) {
            String datastoreId = EmulatorClients.createActiveDatastore(ahi, datastoreName);
            return new EmulatedDatastore(emulator, s3, datastoreId);
        }
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

    @Override
    public void close() {
        s3.close();
        emulator.close();
    }
}
