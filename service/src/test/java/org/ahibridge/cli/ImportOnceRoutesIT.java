package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ahibridge.samples.SampleStudies;
import org.ahibridge.testing.ModalityImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code import --once} takes the service's routes (issue 12): with the CT/MR rules example in place of
 * routes/import-rules.camel.yaml, a one-shot run skips a US image by that YAML rule, with the rule's reason in
 * the audit, and its FAILED file (over max-file-bytes) reaches the folder of ahibridge.import.failed.to through
 * import-outcome and import-failed. A second run reports every object once more through the same outcome
 * route (the images ALREADY_IMPORTED, the others their stored outcome). A run whose context leaves the routes
 * out fails, naming them, instead of taking another path.
 */
class ImportOnceRoutesIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EmulatedDatastore aws = new EmulatedDatastore("once-routes");

    @TempDir
    Path temp;

    @Test
    void shouldApplyTheRoutesRulesAndOutcomeStepsToAOneShotRun() throws IOException {
        String bucket = "once-routes-source";
        aws.s3().createBucket(b -> b.bucket(bucket));
        var images = SampleStudies.instances(51, 1, 1, 2);
        put(bucket, "ct-0.dcm", images.get(0).toBytes());
        put(bucket, "ct-1.dcm", images.get(1).toBytes());
        put(bucket, "us.dcm", ModalityImages.image(52, 1, "US", 16));
        put(bucket, "big.dcm", ModalityImages.image(52, 2, "CT", 64));
        put(bucket, "readme.txt", "not DICOM".getBytes(StandardCharsets.UTF_8));
        String routes = Stream.concat(CommandContext.ONE_SHOT_ROUTES.stream().filter(r -> !r.equals("import-rules"))
                .map(r -> "file:routes/" + r + ".camel.yaml"),
                Stream.of("file:docs/examples/routes/import-rules-ct-mr.camel.yaml")).collect(Collectors.joining(","));
        List<String> options = List.of("-Dcamel.main.routes-include-pattern=" + routes,
                "-Dahibridge.import.failed.to=file:" + temp.resolve("failed"),
                "-Dahibridge.import.batch.max-file-bytes=6000");

        JsonNode first = run(options, "--source", "s3://" + bucket + "/");

        assertThat(first.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(first.get("outcomes")).as(first.toString()).isEqualTo(JSON.readTree(
                "{\"FAILED\":1,\"IMPORTED\":2,\"SKIPPED_BY_RULE\":1,\"SKIPPED_NOT_P10\":1}"));
        assertThat(audit()).filteredOn(l -> l.get("key").asText().equals("us.dcm")).singleElement()
                .satisfies(l -> {
                    assertThat(l.get("outcome").asText()).isEqualTo("SKIPPED_BY_RULE");
                    assertThat(l.get("reason").asText()).isEqualTo("modality US is not CT or MR");
                });
        List<JsonNode> failed = new ArrayList<>();
        try (Stream<Path> files = Files.list(temp.resolve("failed"))) {
            for (Path file : files.toList()) {
                failed.add(JSON.readTree(file.toFile()));
            }
        }
        assertThat(failed).singleElement().satisfies(f -> {
            assertThat(f.get("key").asText()).isEqualTo("big.dcm");
            assertThat(f.get("reason").asText()).contains("max-file-bytes");
        });

        JsonNode second = run(options, "--source", "s3://" + bucket + "/");
        assertThat(second.get("outcomes").get("ALREADY_IMPORTED").asInt()).isEqualTo(2);
        assertThat(audit()).filteredOn(l -> l.get("outcome").asText().equals("ALREADY_IMPORTED")).hasSize(2);
        // Each run reports each object once: the second one the stored outcomes, images as ALREADY_IMPORTED.
        assertThat(audit()).extracting(l -> l.get("runId").asText() + " " + l.get("key").asText())
                .hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void shouldFailNamingTheRoutesWhenARunHasNone() throws IOException {
        String bucket = "once-routes-none";
        aws.s3().createBucket(b -> b.bucket(bucket));
        put(bucket, "ct-0.dcm", SampleStudies.instances(53, 1, 1, 1).get(0).toBytes());
        List<String> args = new ArrayList<>(List.of("--once", "--source", "s3://" + bucket + "/"));
        args.addAll(aws.options(temp));
        args.add("-Dcamel.main.routes-include-pattern=file:routes/error-handling.camel.yaml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Commands.run("import", args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(Commands.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("import: the import routes are not loaded: route"
                + " import-objects (routes/import-objects.camel.yaml)");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"state\":\"ABORTED\"");
    }

    private void put(String bucket, String key, byte[] bytes) {
        aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    private List<JsonNode> audit() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(temp.resolve("audit"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }

    private JsonNode run(List<String> options, String... args) {
        List<String> all = new ArrayList<>(List.of("--once"));
        all.addAll(List.of(args));
        all.addAll(aws.options(temp));
        all.addAll(options);
        all.add("-Dahibridge.import.jobs.starts-per-second=1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run("import", all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Commands.OK);
        try {
            return JSON.readTree(lines.get(lines.size() - 1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
