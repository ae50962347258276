package org.ahibridge.cli;

import org.junit.jupiter.api.extension.RegisterExtension;
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

import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.storage.testing.Azurite;
import org.ahibridge.storage.testing.AzuriteInstalled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.azure.storage.blob.BlobContainerClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * {@code import --once} from an Azure container (Azurite) into the emulator: the source objects stream
 * through the bridge into S3 staging (there is no server-side copy between providers), every object gets
 * exactly one outcome, and a second run imports nothing. The bridge finds Azurite through
 * {@code AZURE_STORAGE_CONNECTION_STRING}, given here as a system property of that name.
 */
@Requires(AzuriteInstalled.class)
class AzureImportIT {

    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final EmulatedDatastore aws = new EmulatedDatastore("azure-it");
    static Azurite azurite;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() throws IOException {
        azurite = Azurite.start();
        System.setProperty("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString());
    }

    @AfterAll
    static void stop() {
        System.clearProperty("AZURE_STORAGE_CONNECTION_STRING");
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
        all.addAll(aws.options(temp));
        all.add("-Dahibridge.import.batch.max-files=100");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run(command, all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JSON.readTree(lines.get(lines.size() - 1));
    }
}
