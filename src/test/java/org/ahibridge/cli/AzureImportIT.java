package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.EmulatorConfig;
import org.ahibridge.storage.testing.Azurite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.azure.storage.blob.BlobContainerClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code import --once} from an Azure container (Azurite) into the emulator: the source objects stream
 * through the bridge into S3 staging (there is no server-side copy between providers), every object gets
 * exactly one outcome, and a second run imports nothing. The bridge finds Azurite through
 * {@code AZURE_STORAGE_CONNECTION_STRING}, given here as a system property of that name.
 */
class AzureImportIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static Emulator emulator;
    static Azurite azurite;
    static S3Client s3;
    static String datastoreId;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() throws IOException {
        System.setProperty("aws.accessKeyId", "emulator");
        System.setProperty("aws.secretAccessKey", "emulator");
        azurite = Azurite.start();
        System.setProperty("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString());
        emulator = Emulator.start(EmulatorConfig.ephemeral());
        s3 = Emulator.s3Client(emulator.endpoints().s3(), emulator.endpoints().region());
        for (String bucket : List.of("staging", "output")) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        try (MedicalImagingClient ahi = org.ahibridge.ahi.AhiClients.create(emulator.endpoints().region(),
                emulator.endpoints().ahi())) {
            datastoreId = ahi.createDatastore(b -> b.datastoreName("azure-it")).datastoreId();
        }
    }

    @AfterAll
    static void stop() {
        System.clearProperty("AZURE_STORAGE_CONNECTION_STRING");
        if (s3 != null) {
            s3.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (azurite != null) {
            azurite.close();
        }
    }

    @Test
    void shouldGiveEveryAzureObjectOneOutcomeAndImportNothingTwice() throws IOException {
        ImportSource source = ImportSource.mixed(21, 6, 3, 12, 25);
        upload("dicom-in", source);
        assertThat(source.objects.size()).isGreaterThanOrEqualTo(290);
        String uri = "azure-blob://" + Azurite.ACCOUNT + "/dicom-in/";

        JsonNode first = run("import", "--source", uri, "--once");

        assertThat(first.get("state").asText()).isEqualTo("COMPLETED");
        long compliant = source.count(ImportSource.Expect.IMPORTED) + source.count(ImportSource.Expect.NON_PRIMARY);
        assertThat(first.get("files").asInt()).isEqualTo(source.objects.size());
        assertThat(first.get("outcomes").get("IMPORTED").asLong()).isEqualTo(compliant);
        assertThat(first.get("outcomes").get("SKIPPED_NOT_P10").asLong())
                .isEqualTo(source.count(ImportSource.Expect.NOT_P10));
        JsonNode report = JSON.readTree(Path.of(first.get("report").asText()).toFile());
        source.assertReportMatches(report);

        JsonNode second = run("import", "--source", uri, "--once");

        assertThat(second.get("outcomes").get("ALREADY_IMPORTED").asLong()).isEqualTo(compliant);
        assertThat(second.get("outcomes").has("IMPORTED")).isFalse();
        assertThat(second.get("jobs").asInt()).isZero();
    }

    private static void upload(String container, ImportSource source) {
        azurite.createContainer(container);
        BlobContainerClient client = azurite.client().getBlobContainerClient(container);
        ForkJoinPool pool = new ForkJoinPool(8);
        try {
            pool.submit(() -> source.objects.entrySet().parallelStream().forEach(e -> client.getBlobClient(e.getKey())
                    .upload(new ByteArrayInputStream(e.getValue()), e.getValue().length))).join();
        } finally {
            pool.shutdown();
        }
    }

    private JsonNode run(String command, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        var e = emulator.endpoints();
        all.addAll(List.of(
                "-Dahibridge.embedded.enabled=false",
                "-Dahibridge.ledger.url=jdbc:h2:file:" + temp.resolve("ledger/ledger")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "-Dahibridge.audit.directory=" + temp.resolve("audit"),
                "-Dahibridge.s3.endpoint=" + e.s3(), "-Dahibridge.s3.path-style=true",
                "-Dahibridge.s3.region=" + e.region(),
                "-Dahibridge.datastores.local.datastore-id=" + datastoreId,
                "-Dahibridge.datastores.local.access=write",
                "-Dahibridge.datastores.local.region=" + e.region(),
                "-Dahibridge.datastores.local.endpoint=" + e.ahi(),
                "-Dahibridge.datastores.local.data-access-role-arn=arn:aws:iam::" + e.accountId() + ":role/ImportRole",
                "-Dahibridge.datastores.local.staging=s3://staging/stage/",
                "-Dahibridge.datastores.local.output=s3://output/out/",
                "-Dahibridge.import.jobs.poll-interval=PT0.5S",
                "-Dahibridge.import.batch.max-files=100"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run(command, all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JSON.readTree(lines.get(lines.size() - 1));
    }
}
