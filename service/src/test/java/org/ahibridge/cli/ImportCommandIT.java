package org.ahibridge.cli;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code import --once} and {@code redrive} end to end over the real wire: the jar's commands in this JVM
 * against the emulator (AHI + EventBridge), its s3proxy and ElasticMQ, with real SDK clients. The source
 * is an S3 bucket; the datastore {@code local} is configured like an AWS one, with endpoints.
 */
class ImportCommandIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static Emulator emulator;
    @RegisterExtension
    static final EmulatedDatastore aws = new EmulatedDatastore("it");
    static S3Client s3;
    static String datastoreId;

    @TempDir
    Path temp;

    @BeforeAll
    static void emulator() {
        emulator = aws.emulator();
        s3 = aws.s3();
        datastoreId = aws.datastoreId();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @Test
    void shouldGiveEveryObjectOfALargeMixedSourceOneOutcomeAndImportNothingTwice() throws IOException {
        ImportSource source = ImportSource.mixed(11, 30, 4, 15, 66);
        String bucket = upload("large", source);
        assertThat(source.objects.size()).isGreaterThanOrEqualTo(2000);

        JsonNode first = run("import", "--source", "s3://" + bucket + "/", "--once");
        assertThat(first.get("state").asText()).isEqualTo("COMPLETED");
        long compliant = source.count(ImportSource.Expect.IMPORTED) + source.count(ImportSource.Expect.NON_PRIMARY);
        assertThat(first.get("outcomes").get("IMPORTED").asLong()).isEqualTo(compliant);
        assertThat(first.get("outcomes").get("SKIPPED_NOT_P10").asLong())
                .isEqualTo(source.count(ImportSource.Expect.NOT_P10));
        assertThat(first.get("files").asInt()).isEqualTo(source.objects.size());
        assertThat(first.get("jobs").asInt()).isGreaterThanOrEqualTo((int) Math.ceil(compliant / 500.0));

        JsonNode report = JSON.readTree(Path.of(first.get("report").asText()).toFile());
        Map<String, Integer> perBatch = new HashMap<>();
        List<String> seen = new ArrayList<>();
        for (JsonNode file : report.get("fileOutcomes")) {
            String key = file.get("key").asText();
            seen.add(key);
            ImportSource.Expect expect = source.expected.get(key);
            assertThat(expect).as(key).isNotNull();
            switch (expect) {
                case IMPORTED, NON_PRIMARY -> {
                    assertThat(file.get("outcome").asText()).as(key).isEqualTo("IMPORTED");
                    assertThat(file.get("imageSetId").asText()).as(key).matches("[0-9a-f]{32}");
                    assertThat(file.get("isPrimary").asBoolean()).as(key).isEqualTo(expect == ImportSource.Expect.IMPORTED);
                    perBatch.merge(file.get("batchId").asText(), 1, Integer::sum);
                }
                case NOT_P10 -> {
                    assertThat(file.get("outcome").asText()).as(key).isEqualTo("SKIPPED_NOT_P10");
                    assertThat(file.get("reason").asText()).as(key).startsWith(source.reasons.get(key));
                }
            }
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(source.objects.keySet());
        assertThat(perBatch.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(500));

        JsonNode second = run("import", "--source", "s3://" + bucket + "/", "--once");
        assertThat(second.get("outcomes").get("ALREADY_IMPORTED").asLong()).isEqualTo(compliant);
        assertThat(second.get("outcomes").has("IMPORTED")).isFalse();
        assertThat(second.get("jobs").asInt()).isZero();
    }

    @Test
    void shouldDeadLetterTheFilesOfAFailedJobUnderThrottlingAndRedriveThemOnceTheFaultIsGone() throws IOException {
        ImportSource source = ImportSource.mixed(12, 2, 2, 10, 0);
        String bucket = upload("faults", source);
        emulator.faults().percent("StartDICOMImportJob", FaultInjector.Kind.THROTTLE, 30)
                .failJobs(1, 0, "Simulated storage failure");

        JsonNode first = run("import", "--source", "s3://" + bucket + "/", "--once",
                "-Dahibridge.import.batch.max-files=10");
        assertThat(first.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(first.get("files").asInt()).isEqualTo(source.objects.size());
        assertThat(first.get("outcomes").get("FAILED").asInt()).isEqualTo(10);
        assertThat(first.get("outcomes").get("IMPORTED").asInt()).isEqualTo(source.objects.size() - 10 - source.count(ImportSource.Expect.NOT_P10));
        String audit = Files.readString(Files.list(temp.resolve("audit")).filter(p -> p.toString().endsWith(".jsonl"))
                .findFirst().orElseThrow());
        assertThat(audit.lines().filter(l -> l.contains("\"outcome\":\"FAILED\"")))
                .hasSize(10).allSatisfy(l -> assertThat(l).contains("Simulated storage failure"));

        emulator.faults().clear();
        JsonNode redrive = run("redrive");
        assertThat(redrive.get("outcomes")).hasSize(1);
        assertThat(redrive.get("outcomes").get("IMPORTED").asInt()).isEqualTo(10);

        JsonNode again = run("import", "--source", "s3://" + bucket + "/", "--once");
        assertThat(again.get("outcomes").get("ALREADY_IMPORTED").asInt())
                .isEqualTo(source.objects.size() - source.count(ImportSource.Expect.NOT_P10));
    }

    @Test
    void shouldTagEachNonPrimaryImageSetInAhiOnceUnderTheTagPolicy() throws IOException {
        ImportSource source = ImportSource.mixed(13, 2, 2, 5, 1);
        String bucket = upload("tag-policy", source);
        // The SDK does not retry (AhiRetry is the one retry policy of both directions): four throttled calls need
        // the bridge's own retry, which the fifth attempt gets through.
        emulator.faults().next("TagResource", FaultInjector.Kind.THROTTLE, 4);

        JsonNode run = run("import", "--source", "s3://" + bucket + "/", "--once", "-Dahibridge.import.non-primary=tag");

        assertThat(run.get("outcomes").get("IMPORTED").asLong())
                .isEqualTo(source.count(ImportSource.Expect.IMPORTED) + source.count(ImportSource.Expect.NON_PRIMARY));
        JsonNode report = JSON.readTree(Path.of(run.get("report").asText()).toFile());
        String nonPrimary = imageSetOf(report, "zz conflict/img 0.dcm", false);
        String primary = primaryImageSetOfSeries(report, nonPrimary);
        assertThat(report.get("nonPrimaryImageSets")).singleElement().satisfies(set -> {
            assertThat(set.get("imageSetId").asText()).isEqualTo(nonPrimary);
            assertThat(set.get("primaryImageSetId").asText()).isEqualTo(primary);
            assertThat(set.get("files").asInt()).isEqualTo(3);
            assertThat(set.get("tagging").asText()).isEqualTo("TAGGED");
        });
        assertThat(tagsOf(nonPrimary)).isEqualTo(Map.of("ahi-bridge:non-primary", "true",
                "ahi-bridge:primary-image-set", primary, "ahi-bridge:run", run.get("runId").asText()));
        assertThat(tagsOf(primary)).isEmpty();
    }

    @Test
    void shouldLeaveNonPrimaryImageSetsToTheAuditUnderTheLeavePolicy() throws IOException {
        ImportSource source = ImportSource.mixed(14, 1, 1, 4, 0);
        String bucket = upload("leave-policy", source);

        JsonNode run = run("import", "--source", "s3://" + bucket + "/", "--once", "-Dahibridge.import.non-primary=leave");

        JsonNode report = JSON.readTree(Path.of(run.get("report").asText()).toFile());
        String nonPrimary = imageSetOf(report, "zz conflict/img 0.dcm", false);
        assertThat(report.get("nonPrimaryImageSets")).isEmpty();
        assertThat(tagsOf(nonPrimary)).isEmpty();
    }

    @Test
    void shouldImportAsUsualAndRecordUnsupportedWhenTheSourceCannotStoreVerdictTags() throws IOException {
        ImportSource source = ImportSource.mixed(15, 1, 1, 3, 1);
        String bucket = upload("verdict-tags", source);

        JsonNode run = run("import", "--source", "s3://" + bucket + "/", "--once",
                "-Dahibridge.import.tag-source-objects=true");

        // s3proxy answers 501 to every ?tagging request, whatever its storage backend.
        assertThat(run.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("outcomes").get("IMPORTED").asLong())
                .isEqualTo(source.count(ImportSource.Expect.IMPORTED) + source.count(ImportSource.Expect.NON_PRIMARY));
        assertThat(run.get("outcomes").get("SKIPPED_NOT_P10").asLong()).isEqualTo(source.count(ImportSource.Expect.NOT_P10));
        JsonNode report = JSON.readTree(Path.of(run.get("report").asText()).toFile());
        assertThat(report.get("sourceTags").get("UNSUPPORTED").asInt()).isEqualTo(source.objects.size());
        assertThat(report.get("sourceTags")).hasSize(1);
    }

    @Test
    void shouldRefuseVerdictTagsOnAReadOnlySourceBeforeAnythingMoves() throws IOException {
        ImportSource source = ImportSource.mixed(16, 1, 1, 2, 0);
        String bucket = upload("verdict-tags-read-only", source);

        JsonNode run = run(Commands.USAGE, "import", "--source", "landing", "--once",
                "-Dahibridge.import.tag-source-objects=true", "-Dahibridge.storages.landing.location=s3://" + bucket + "/",
                "-Dahibridge.storages.landing.access=read");

        assertThat(run.get("state").asText()).isEqualTo("ABORTED");
        assertThat(run.get("error").asText()).contains("storage 'landing' is registered read-only")
                .contains("to tag its objects with their P10 verdict").contains("nothing was transferred");
        assertThat(temp.resolve("audit/runs")).doesNotExist();
    }

    private static String imageSetOf(JsonNode report, String key, boolean primary) {
        for (JsonNode file : report.get("fileOutcomes")) {
            if (file.get("key").asText().equals(key)) {
                assertThat(file.get("isPrimary").asBoolean()).as(key).isEqualTo(primary);
                return file.get("imageSetId").asText();
            }
        }
        throw new AssertionError("no file " + key + " in the report");
    }

    /** The primary image set holding files of the same series as the non-primary one. */
    private static String primaryImageSetOfSeries(JsonNode report, String nonPrimary) {
        String series = null;
        for (JsonNode file : report.get("fileOutcomes")) {
            if (file.get("imageSetId").asText().equals(nonPrimary)) {
                series = file.get("seriesInstanceUID").asText();
            }
        }
        for (JsonNode file : report.get("fileOutcomes")) {
            if (file.get("isPrimary").asBoolean() && file.get("seriesInstanceUID").asText().equals(series)) {
                return file.get("imageSetId").asText();
            }
        }
        throw new AssertionError("no primary image set for series " + series);
    }

    private static Map<String, String> tagsOf(String imageSetId) {
        try (MedicalImagingClient ahi = org.ahibridge.ahi.AhiClients.create(emulator.endpoints().region(),
                emulator.endpoints().ahi())) {
            String datastoreArn = ahi.getDatastore(b -> b.datastoreId(datastoreId)).datastoreProperties().datastoreArn();
            return ahi.listTagsForResource(b -> b.resourceArn(datastoreArn + "/imageset/" + imageSetId)).tags();
        }
    }

    @Test
    void shouldRefuseAnImportWithoutSourceAsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run("import", new String[] {"--once"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(status).isEqualTo(Commands.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--source is required");
    }

    private String upload(String bucket, ImportSource source) {
        return source.uploadTo(s3, bucket);
    }

    private JsonNode run(String command, String... args) throws IOException {
        return run(Commands.OK, command, args);
    }

    private JsonNode run(int expectedStatus, String command, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(aws.options(temp));
        all.add("-Dahibridge.import.jobs.starts-per-second=1");
        if (all.stream().noneMatch(a -> a.contains("batch.max-files"))) {
            all.add("-Dahibridge.import.batch.max-files=500");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run(command, all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedStatus);
        return JSON.readTree(lines.get(lines.size() - 1));
    }
}
