package org.ahibridge.cli;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.testing.EmulatedDatastoreSettings;
import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.testing.FaultyHttpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.medicalimaging.model.ImageSetsMetadataSummary;

/**
 * {@code import --once} under faults (issue 4, acceptance 2 and 3): S3 server errors injected by a
 * {@link FaultyHttpProxy} in front of the emulator's S3 together with throttled StartDICOMImportJob, and a
 * run killed with SIGKILL after its first import job started, then run again. Every object must end with
 * exactly one outcome, and no SOP instance may reach AHI twice.
 */
class ImportResilienceIT {

    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final EmulatedAws AWS = new EmulatedAws();

    @TempDir
    Path temp;

    @AfterEach
    void clearFaults() {
        AWS.faults().clear();
    }

    @Test
    void shouldAccountForEveryObjectUnderThrottledStartsAndS3ServerErrors() throws Exception {
        ImportSource source = ImportSource.mixed(31, 4, 3, 15, 8);
        String bucket = upload("s3-faults", source);
        String datastore = datastore("s3-faults");
        AWS.faults().percent("StartDICOMImportJob", FaultInjector.Kind.THROTTLE, 30);
        try (FaultyHttpProxy proxy = FaultyHttpProxy.start(AWS.endpoints().s3(), 7).failPercent(10)) {
            // The run's first listing meets more errors in a row than the SDK retries: the pipeline must retry.
            proxy.failNext(12);
            JsonNode summary = JSON.readTree(lastLine(runInProcess(datastore, proxy.endpoint().toString(),
                    "import", "--source", "s3://" + bucket + "/", "--once", "-Dahibridge.import.batch.max-files=50")));

            assertThat(proxy.faulted()).as("S3 errors injected").isGreaterThan(20);
            assertThat(summary.get("state").asText()).isEqualTo("COMPLETED");
            assertThat(summary.get("pending").asInt()).isZero();
            assertEveryObjectHasItsOutcome(source, JSON.readTree(Path.of(summary.get("report").asText()).toFile()),
                    "IMPORTED");
        }
    }

    @Test
    void shouldImportNothingTwiceWhenARunIsKilledAfterItsFirstJobStarted() throws Exception {
        ImportSource source = ImportSource.mixed(32, 6, 3, 10, 5);
        source.objects.keySet().removeIf(k -> k.startsWith("zz conflict/"));
        source.expected.keySet().removeIf(k -> k.startsWith("zz conflict/"));
        String bucket = upload("restart", source);
        String datastore = datastore("restart");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only and serial GC, as ServiceInstance and BuiltJar start theirs: the child's start-up, which
                // is most of this test's wait for the first job, costs less CPU on a shared two-core machine.
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Daws.accessKeyId=emulator", "-Daws.secretAccessKey=emulator",
                "-cp", System.getProperty("java.class.path"), "org.ahibridge.AhiBridge",
                "import", "--source", "s3://" + bucket + "/", "--once"));
        command.addAll(options(datastore, AWS.endpoints().s3().toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("killed-run.log").toFile()).start();
        try {
            // The child JVM starts Spring, Camel and its routes first: on a loaded 2-core machine that alone has
            // taken 40 s, so the wait is generous; the kill still comes right after the first job appears.
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !AWS.ahi().listDICOMImportJobs(b -> b.datastoreId(datastore)).jobSummaries().isEmpty()
                            || !child.isAlive());
            assertThat(child.isAlive()).as("the first run is still running").isTrue();
        } catch (org.awaitility.core.ConditionTimeoutException | AssertionError e) {
            // What the child did is the only clue, and its folder is gone after the test.
            System.out.println("killed-run.log:\n" + Files.readString(temp.resolve("killed-run.log")));
            throw e;
        } finally {
            child.destroyForcibly().waitFor();
        }

        JsonNode summary = JSON.readTree(lastLine(runInProcess(datastore, AWS.endpoints().s3().toString(),
                "import", "--source", "s3://" + bucket + "/", "--once")));

        assertThat(summary.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(summary.get("pending").asInt()).isZero();
        assertThat(summary.get("jobs").asInt()).as("jobs left to the second run").isPositive();
        // A job the killed run had already accounted is reported ALREADY_IMPORTED; the rest IMPORTED now.
        JsonNode report = JSON.readTree(Path.of(summary.get("report").asText()).toFile());
        assertEveryObjectHasItsOutcome(source, report, "IMPORTED", "ALREADY_IMPORTED");
        // Files are classified and batched several at once, so one series can be spread over two jobs: its
        // image set then gets one version per job that brought files of it, and any other version would be
        // an instance imported twice.
        Map<String, java.util.Set<String>> jobsOfImageSet = new HashMap<>();
        for (JsonNode file : report.get("fileOutcomes")) {
            if (file.hasNonNull("imageSetId")) {
                jobsOfImageSet.computeIfAbsent(file.get("imageSetId").asText(), k -> new java.util.HashSet<>())
                        .add(file.get("batchId").asText());
            }
        }
        List<ImageSetsMetadataSummary> sets = AWS.ahi().searchImageSetsPaginator(b -> b.datastoreId(datastore))
                .imageSetsMetadataSummaries().stream().toList();
        assertThat(sets).allSatisfy(set -> {
            assertThat(set.isPrimary()).as(set.imageSetId()).isTrue();
            assertThat(set.version()).as(set.imageSetId())
                    .isEqualTo(jobsOfImageSet.getOrDefault(set.imageSetId(), java.util.Set.of()).size());
        });
        int instances = 0;
        for (ImageSetsMetadataSummary set : sets) {
            instances += instanceCount(datastore, set.imageSetId());
        }
        assertThat(instances).isEqualTo(source.count(ImportSource.Expect.IMPORTED));
    }

    private static void assertEveryObjectHasItsOutcome(ImportSource source, JsonNode report, String... imported) {
        Map<String, String> outcomes = new HashMap<>();
        for (JsonNode file : report.get("fileOutcomes")) {
            assertThat(outcomes.put(file.get("key").asText(), file.get("outcome").asText()))
                    .as("one outcome for " + file.get("key").asText()).isNull();
        }
        assertThat(outcomes).containsOnlyKeys(source.objects.keySet());
        source.expected.forEach((key, expect) -> assertThat(outcomes.get(key)).as(key)
                .isIn(expect == ImportSource.Expect.NOT_P10 ? new String[] {"SKIPPED_NOT_P10"} : imported));
    }

    private int instanceCount(String datastore, String imageSetId) throws IOException {
        try (var in = new GZIPInputStream(
                AWS.ahi().getImageSetMetadata(b -> b.datastoreId(datastore).imageSetId(imageSetId)))) {
            int count = 0;
            for (JsonNode series : JSON.readTree(in).path("Study").path("Series")) {
                count += series.path("Instances").size();
            }
            return count;
        }
    }

    private static String datastore(String name) {
        return EmulatorClients.createActiveDatastore(AWS.ahi(), name);
    }

    private static String upload(String bucket, ImportSource source) {
        return source.uploadTo(AWS.s3(), bucket);
    }

    private String runInProcess(String datastore, String s3Endpoint, String command, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        options(datastore, s3Endpoint).stream().filter(o -> all.stream().noneMatch(a -> a.startsWith(o.split("=")[0] + "=")))
                .forEach(all::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run(command, all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().toList();
        return lines.get(lines.size() - 1);
    }

    private List<String> options(String datastore, String s3Endpoint) {
        Map<String, String> settings = new LinkedHashMap<>(EmulatedDatastoreSettings.localDatastore(
                AWS.endpoints(), datastore, datastore + "/", datastore + "/"));
        settings.putAll(EmulatedDatastoreSettings.ledgerAndAudit(temp));
        settings.put("ahibridge.s3.endpoint", s3Endpoint); // the fault-injecting proxy, when the test has one
        settings.put("ahibridge.import.jobs.starts-per-second", "1");
        settings.put("ahibridge.import.jobs.poll-interval", "PT0.5S");
        settings.put("ahibridge.import.batch.max-files", "20");
        // The run after a SIGKILL takes over the killed run's steps once their leases expire: after 10 s, not
        // the default 2 minutes, which were most of this test's time.
        settings.put("ahibridge.cluster.lease-ttl", "PT10S");
        return settings.entrySet().stream().map(s -> "-D" + s.getKey() + "=" + s.getValue()).toList();
    }
}
