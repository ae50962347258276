package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.ahibridge.samples.SampleStudies;
import org.ahibridge.testing.EmulatedDatastoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The FAILED paths of the job-start step (routes/import-batch.camel.yaml): a StartDICOMImportJob that AHI rejects
 * (ValidationException from the emulator) and one throttled beyond ahibridge.import.jobs.max-start-attempts.
 * Each file of the batches ends with exactly one FAILED audit line and exactly one outcome message (the dead
 * letter of import-failed writes one record per FAILED message), the run completes, and no job was started.
 * Two batches of four files, so the split of import-advance has several batches at once.
 */
class ImportJobStartFailuresIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create();

    @TempDir
    Path temp;

    @BeforeAll
    static void buckets() {
        System.setProperty("aws.accessKeyId", "emulator");
        System.setProperty("aws.secretAccessKey", "emulator");
        for (String bucket : List.of("staging", "output")) {
            EMULATOR.s3().createBucket(b -> b.bucket(bucket));
        }
    }

    @AfterEach
    void clearFaults() {
        EMULATOR.faults().clear();
    }

    @Test
    void shouldFailEveryFileOnceWhenAhiRejectsTheJobStart() throws IOException {
        List<String> images = upload("rejected");
        EMULATOR.faults().percent("StartDICOMImportJob", FaultInjector.Kind.REJECT, 100);

        JsonNode summary = run("rejected");

        assertEachImageFailedOnce(summary, images, "StartDICOMImportJob rejected");
    }

    @Test
    void shouldFailEveryFileOnceWhenStartsStayThrottledBeyondTheRetryBudget() throws IOException {
        List<String> images = upload("throttled");
        EMULATOR.faults().percent("StartDICOMImportJob", FaultInjector.Kind.THROTTLE, 100);

        JsonNode summary = run("throttled", "-Dahibridge.import.jobs.max-start-attempts=2");

        assertEachImageFailedOnce(summary, images, "StartDICOMImportJob throttled 2 times");
    }

    private void assertEachImageFailedOnce(JsonNode summary, List<String> images, String reason) throws IOException {
        assertThat(summary.get("state").asText()).as(summary.toString()).isEqualTo("COMPLETED");
        assertThat(summary.get("pending").asInt()).isZero();
        assertThat(summary.get("jobs").asInt()).as("jobs started").isZero();
        assertThat(summary.get("outcomes")).as(summary.toString())
                .isEqualTo(JSON.readTree("{\"FAILED\":" + images.size() + ",\"SKIPPED_NOT_P10\":1}"));
        List<JsonNode> failedLines = lines(temp.resolve("audit"), ".jsonl").stream()
                .filter(l -> l.get("outcome").asText().equals("FAILED")).toList();
        assertThat(failedLines).extracting(l -> l.get("key").asText())
                .as("one FAILED audit line per file").containsExactlyInAnyOrderElementsOf(images);
        assertThat(failedLines).allSatisfy(l -> assertThat(l.get("reason").asText()).contains(reason));
        List<JsonNode> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(temp.resolve("failed"))) {
            for (Path file : files.toList()) {
                messages.add(JSON.readTree(file.toFile()));
            }
        }
        assertThat(messages).extracting(m -> m.get("key").asText())
                .as("one outcome message per file").containsExactlyInAnyOrderElementsOf(images);
    }

    private List<String> upload(String bucket) {
        EMULATOR.s3().createBucket(b -> b.bucket(bucket));
        List<String> keys = new ArrayList<>();
        var instances = SampleStudies.instances(bucket.length(), 1, 2, 4);
        for (int i = 0; i < instances.size(); i++) {
            String key = "image-" + i + ".dcm";
            byte[] bytes = instances.get(i).toBytes();
            EMULATOR.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
            keys.add(key);
        }
        EMULATOR.s3().putObject(b -> b.bucket(bucket).key("readme.txt"),
                RequestBody.fromString("not DICOM", StandardCharsets.UTF_8));
        return keys;
    }

    private JsonNode run(String bucket, String... extra) throws IOException {
        String datastore = EmulatorClients.createActiveDatastore(EMULATOR.ahi(), bucket);
        Map<String, String> settings = new LinkedHashMap<>(EmulatedDatastoreSettings.localDatastore(
                EMULATOR.endpoints(), datastore, bucket + "/", bucket + "/"));
        settings.putAll(EmulatedDatastoreSettings.ledgerAndAudit(temp));
        settings.put("ahibridge.import.jobs.starts-per-second", "1");
        settings.put("ahibridge.import.jobs.poll-interval", "PT0.5S");
        settings.put("ahibridge.import.batch.max-files", "4");
        settings.put("ahibridge.import.failed.to", "file:" + temp.resolve("failed"));
        List<String> args = new ArrayList<>(List.of("--source", "s3://" + bucket + "/", "--once"));
        settings.forEach((key, value) -> args.add("-D" + key + "=" + value));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run("import", args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Commands.OK);
        assertThat(EMULATOR.ahi().listDICOMImportJobs(b -> b.datastoreId(datastore)).jobSummaries())
                .as("import jobs in AHI").isEmpty();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    private static List<JsonNode> lines(Path folder, String suffix) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                for (String line : Files.readAllLines(file)) {
                    try {
                        lines.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new UncheckedIOException(file + ": " + line, e);
                    }
                }
            }
        }
        return lines;
    }
}
