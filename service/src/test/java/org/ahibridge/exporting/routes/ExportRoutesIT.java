package org.ahibridge.exporting.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.AhiBridgeApplication;
import org.ahibridge.cli.Commands;
import org.ahibridge.embedded.EmbeddedEmulator;
import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.samples.SampleInstance;
import org.ahibridge.samples.SampleStudies;

/**
 * Issue 13 acceptance 1: the export routes run the real flow on the service's own beans. The service, with
 * routes/export-*.camel.yaml and the embedded default's datastore {@code local} (the in-process emulator, data
 * imported into it with StartDICOMImportJob), exports through direct:export-on-demand from a map and from JSON
 * and through the scheduled route on a one-second cron; then, with the service stopped, {@code export --once}
 * on the same embedded default writes the same files, byte for byte. Every outcome is one audit line.
 */
class ExportRoutesIT {

    @TempDir
    Path temp;

    @Test
    void shouldExportFromTheRoutesWhatExportOnceExportsOnTheEmbeddedDefault() throws Exception {
        Path config = config();
        int instances;
        Map<String, Object> fromMap;
        Map<String, Object> fromJson;
        try (ConfigurableApplicationContext service = start(config)) {
            instances = importSamples(service.getBean(EmbeddedEmulator.class));
            ProducerTemplate producer = service.getBean(ProducerTemplate.class);

            fromMap = summary(producer.requestBody("direct:export-on-demand",
                    Map.of("destination", "file:" + temp.resolve("route"))));
            fromJson = summary(producer.requestBody("direct:export-on-demand", "{\"destination\":\"file:"
                    + temp.resolve("json") + "\",\"overwrite\":\"always\",\"template\":\"{SOPInstanceUID}.dcm\"}"));
            await().atMost(Duration.ofSeconds(60)).until(() -> files(temp.resolve("nightly")).size() == instances);
        }
        Run once = export("--destination", "file:" + temp.resolve("once"), "--once", "--config", config.toString());

        assertThat(once.status()).as(once.stderr()).isZero();
        assertThat(outcomes(fromMap)).isEqualTo(Map.of("EXPORTED", instances, "SKIPPED_EXISTS", 0, "FAILED", 0));
        assertThat(outcomes(fromJson)).isEqualTo(Map.of("EXPORTED", instances, "SKIPPED_EXISTS", 0, "FAILED", 0));
        assertThat(files(temp.resolve("json"))).hasSize(instances)
                .allSatisfy((name, bytes) -> assertThat(name).doesNotContain("/"));
        Map<String, byte[]> route = files(temp.resolve("route"));
        assertThat(route).hasSize(instances);
        assertThat(files(temp.resolve("once"))).as("export --once writes what the route wrote")
                .containsOnlyKeys(route.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(route.get(name)));
        assertThat(files(temp.resolve("nightly")).keySet()).isEqualTo(route.keySet());
        assertThat(auditLines()).as("one audit line per instance of each of the four runs at least")
                .hasSizeGreaterThanOrEqualTo(4 * instances);
    }

    private Path config() throws IOException {
        Path file = temp.resolve("application.yaml");
        Files.writeString(file, String.join("\n",
                "ahibridge:",
                "  embedded:",
                "    data-dir: " + temp.resolve("emulator"),
                "  audit:",
                "    directory: " + temp.resolve("audit"),
                "  ledger:",
                "    url: jdbc:h2:file:" + temp.resolve("ledger").resolve("ledger")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "  routes:",
                "    import:",
                "      enabled: false",
                "  export:",
                "    schedule:",
                "      enabled: true",
                "      cron: \"0/1 * * * * ?\"",
                "      destination: file:" + temp.resolve("nightly"),
                ""));
        return file;
    }

    /** The service with the export routes only, configured from {@code config} over the built-in defaults. */
    private static ConfigurableApplicationContext start(Path config) {
        String routes = Stream.of("error-handling", "import-dead-letter", "export-run", "export-image-set",
                "export-outcome", "export-dead-letter", "export-on-demand", "export-scheduled")
                .map(name -> "file:routes/" + name + ".camel.yaml").reduce((a, b) -> a + "," + b).orElseThrow();
        return new SpringApplicationBuilder(AhiBridgeApplication.class).web(WebApplicationType.NONE).run(
                "--spring.config.location=optional:classpath:/application.yaml,file:" + config,
                "--camel.main.routes-include-pattern=" + routes, "--camel.main.run-controller=false");
    }

    /** Sample studies imported into the embedded default's datastore; returns how many instances. */
    private int importSamples(EmbeddedEmulator embedded) {
        Emulator emulator = embedded.awaitReady();
        String datastoreId = embedded.readyLocal().datastoreId();
        List<SampleInstance> samples = SampleStudies.instances(13, 2, 2, 3);
        try (MedicalImagingClient ahi = EmulatorClients.medicalImaging(emulator.endpoints());
                S3Client s3 = EmulatorClients.s3(emulator.endpoints())) {
            s3.createBucket(b -> b.bucket("it-input"));
            s3.createBucket(b -> b.bucket("it-output"));
            for (SampleInstance sample : samples) {
                s3.putObject(b -> b.bucket("it-input").key("in/" + sample.sopUid() + ".dcm"),
                        RequestBody.fromBytes(sample.toBytes()));
            }
            String jobId = ahi.startDICOMImportJob(b -> b.datastoreId(datastoreId).jobName("routes-it")
                    .dataAccessRoleArn("arn:aws:iam::123456789012:role/ImportRole").inputS3Uri("s3://it-input/in/")
                    .outputS3Uri("s3://it-output/out/")).jobId();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> ahi
                    .getDICOMImportJob(b -> b.datastoreId(datastoreId).jobId(jobId)).jobProperties().jobStatus()
                    == JobStatus.COMPLETED);
        }
        return samples.size();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(Object reply) {
        assertThat(reply).isInstanceOf(Map.class);
        return (Map<String, Object>) reply;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outcomes(Map<String, Object> summary) {
        return (Map<String, Object>) summary.get("outcomes");
    }

    /**
     * Every file under {@code dir} by its path relative to it, with its bytes. The tests call it while an export
     * still writes there: a temporary file renamed away between the listing and its read makes it look again.
     */
    static Map<String, byte[]> files(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return filesNow(dir);
            } catch (NoSuchFileException | java.io.UncheckedIOException vanished) {
                boolean renamedAway = vanished instanceof NoSuchFileException
                        || vanished.getCause() instanceof NoSuchFileException;
                if (!renamedAway || attempt == 10) {
                    throw vanished;
                }
            }
        }
    }

    private static Map<String, byte[]> filesNow(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private List<String> auditLines() throws IOException {
        try (Stream<Path> all = Files.list(temp.resolve("audit"))) {
            return all.filter(f -> f.getFileName().toString().startsWith("outcomes-")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    record Run(int status, String stdout, String stderr) {
    }

    static Run export(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run("export", args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
