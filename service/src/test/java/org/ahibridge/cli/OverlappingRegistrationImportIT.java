package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.samples.SampleInstance;
import org.ahibridge.samples.SampleStudies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Issue 11, access modes through a parent URI: with {@code s3://probe-src/wo/} registered write-only,
 * {@code import --source s3://probe-src/} used to list and import {@code wo/a.dcm}. Now any source that
 * overlaps a write-only registration is refused before anything is listed, and the error names that
 * registration and its mode; a sibling prefix still imports.
 */
class OverlappingRegistrationImportIT {

    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final EmulatedDatastore aws = new EmulatedDatastore("overlap");

    @TempDir
    Path temp;

    @BeforeAll
    static void probeBucket() {
        aws.s3().createBucket(b -> b.bucket("probe-src"));
        List<SampleInstance> images = SampleStudies.instances(1101, 1, 1, 2);
        put("wo/a.dcm", images.get(0).toBytes());
        put("in/b.dcm", images.get(1).toBytes());
    }

    static void put(String key, byte[] bytes) {
        aws.s3().putObject(b -> b.bucket("probe-src").key(key), RequestBody.fromBytes(bytes));
    }

    @Test
    void shouldRefuseAParentOfAWriteOnlyRegistrationBeforeListingAnything() throws IOException {
        for (String parent : List.of("s3://probe-src/", "s3://probe-src", "s3://probe-src/wo/", "s3://probe-src/wo/x/")) {
            Run run = importOnce(parent);

            assertThat(run.status).as(parent).isEqualTo(Commands.USAGE);
            assertThat(run.summary.get("state").asText()).as(parent).isEqualTo("ABORTED");
            assertThat(run.summary.get("error").asText()).as(parent).contains("storage 'wo'")
                    .contains("write-only (access: write)").contains("nothing was transferred")
                    .contains("ahibridge.storages.wo.access");
            assertThat(run.summary.has("outcomes") && run.summary.get("outcomes").size() > 0).as(parent).isFalse();
        }
        assertThat(temp.resolve("audit/runs")).as("no run was started").doesNotExist();
    }

    @Test
    void shouldStillImportASiblingPrefixOfTheWriteOnlyRegistration() throws IOException {
        Run run = importOnce("s3://probe-src/in/");

        assertThat(run.status).as(run.stderr).isEqualTo(Commands.OK);
        assertThat(run.summary.get("outcomes").get("IMPORTED").asInt()).isEqualTo(1);
        assertThat(run.summary.get("files").asInt()).isEqualTo(1);
    }

    private Run importOnce(String source) throws IOException {
        List<String> args = new ArrayList<>(List.of("--source", source, "--once",
                "-Dahibridge.storages.wo.location=s3://probe-src/wo/", "-Dahibridge.storages.wo.access=write",
                "-Dahibridge.import.batch.max-files=10", "-Dahibridge.import.jobs.starts-per-second=1"));
        args.addAll(aws.options(temp));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run("import", args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return new Run(status, JSON.readTree(lines.get(lines.size() - 1)), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, JsonNode summary, String stderr) {
    }
}
