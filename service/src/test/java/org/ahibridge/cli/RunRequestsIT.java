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
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.ahibridge.emulator.ahi.fault.FaultInjector;

/**
 * The one-shot commands' summaries carry the AWS requests of their run ({@link RunRequests}): what a benchmark
 * divides by the number of objects. The counts are the run's own: a second run in the same JVM starts from zero.
 */
class RunRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EmulatedDatastore AWS = new EmulatedDatastore("requests");

    @TempDir
    Path temp;

    @Test
    void importAndExportSummariesCountTheRequestsOfTheirRun() throws IOException {
        ImportSource source = ImportSource.mixed(31, 1, 2, 3, 1);
        String bucket = source.uploadTo(AWS.s3(), "request-counts");
        AWS.emulator().faults().next("StartDICOMImportJob", FaultInjector.Kind.THROTTLE, 1);

        JsonNode imported = run("import", "--source", "s3://" + bucket + "/", "--once");

        assertThat(imported.get("state").asText()).isEqualTo("COMPLETED");
        JsonNode requests = imported.get("requests");
        assertThat(requests.get("MedicalImaging.StartDICOMImportJob").asLong()).as("the jobs and one retry")
                .isEqualTo(imported.get("jobs").asLong() + 1);
        assertThat(imported.get("throttled"))
                .isEqualTo(JSON.valueToTree(Map.of("MedicalImaging.StartDICOMImportJob", 1)));
        assertThat(requests.get("S3.ListObjectsV2").asLong()).isPositive();
        assertThat(sum(requests, "S3.")).as("S3 requests: at least a read of each object")
                .isGreaterThanOrEqualTo(source.objects.size());

        JsonNode again = run("import", "--source", "s3://" + bucket + "/", "--once");
        assertThat(again.get("outcomes").has("IMPORTED")).isFalse();
        assertThat(again.get("requests").has("MedicalImaging.StartDICOMImportJob")).as("nothing left to import")
                .isFalse();

        JsonNode exported = run("export", "--destination", "file:" + temp.resolve("out"), "--once", "--config",
                exportConfig().toString());

        assertThat(exported.get("outcomes").get("EXPORTED").asLong()).isEqualTo(source.objects.size()
                - source.count(ImportSource.Expect.NOT_P10));
        assertThat(exported.get("requests").get("MedicalImaging.GetImageFrame").asLong())
                .isEqualTo(exported.get("frames").asLong());
        assertThat(exported.get("requests").get("MedicalImaging.GetImageSetMetadata").asLong())
                .isEqualTo(exported.get("imageSets").asLong());
        assertThat(exported.get("throttled")).isEmpty();
    }

    private static long sum(JsonNode requests, String prefix) {
        long total = 0;
        for (var fields = requests.fields(); fields.hasNext();) {
            var field = fields.next();
            if (field.getKey().startsWith(prefix)) {
                total += field.getValue().asLong();
            }
        }
        return total;
    }

    /** The import's settings as the export command reads them, a YAML file of flat keys, with read access. */
    private Path exportConfig() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String setting : AWS.settings(temp)) {
            int equals = setting.indexOf('=');
            String key = setting.substring(0, equals);
            String value = key.endsWith(".local.access") ? "read-write" : setting.substring(equals + 1);
            lines.add(key + ": " + JSON.writeValueAsString(value));
        }
        return Files.write(temp.resolve("export.yaml"), lines);
    }

    /** Runs a command in this JVM with the datastore's settings; returns its summary line. */
    private JsonNode run(String command, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        if (command.equals("import")) {
            all.addAll(AWS.options(temp));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run(command, all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Commands.OK);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        return JSON.readTree(lines.get(lines.size() - 1));
    }
}
