package org.ahibridge.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ahibridge.AhiBridgeApplication;
import org.ahibridge.samples.SampleStudies;
import org.ahibridge.testing.EmulatedImportRoutes;
import org.ahibridge.testing.ImportRouteFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Acceptance 2 of issue 15: the service's polling routes import 2,000 objects (400 synthetic DICOM files and 1,600
 * text files) from a folder into the emulated datastore while the test scrapes {@code /actuator/prometheus}: the
 * outcome counters climb to the run's totals (its report), the discovered, classified and staged counters and the
 * staged bytes match the source, the ledger gauges and the AWS request counters are there, and so are Camel's
 * route metrics.
 */
@SpringBootTest(classes = AhiBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot's tests turn metrics export off unless asked: this one is about the Prometheus endpoint.
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class PrometheusScrapeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A storage name no other test uses: the counters are process-wide and labelled with it. */
    private static final String SOURCE = "scrape-inbox";
    /**
     * 2,000 objects, most of them small text files: the emulator encodes every DICOM frame to HTJ2K with a child
     * process, which would make 2,000 DICOM files take minutes on a busy CI machine; the counters do the same
     * work for either.
     */
    private static final int DICOM_FILES = 400;
    private static final int TEXT_FILES = 1600;

    /** The emulator, datastore, ledger and polling settings of the import-route ITs. */
    @RegisterExtension
    static final EmulatedImportRoutes STACK = EmulatedImportRoutes.create("scrape");
    static Path temp;

    @LocalServerPort
    int port;

    @BeforeAll
    static void inbox() throws IOException {
        temp = STACK.temp();
        Files.createDirectories(temp.resolve("inbox"));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        STACK.register(registry, ImportRouteFiles.FLOW + "," + ImportRouteFiles.files("import-poll", "import-tick"));
        registry.add("ahibridge.storages." + SOURCE + ".location", () -> temp.resolve("inbox").toUri().toString());
        registry.add("ahibridge.storages." + SOURCE + ".access", () -> "read");
        registry.add("ahibridge.routes.import.sources", () -> SOURCE);
        registry.add("ahibridge.metrics.ledger-refresh", () -> "PT0.5S");
    }

    @Autowired
    void remember(ConfigurableApplicationContext applicationContext) {
        STACK.stopsRoutesOf(applicationContext);
    }

    @Test
    void shouldCountEveryOutcomeOfAnImportOf2000ObjectsWhileItRuns() throws Exception {
        long dicomBytes = drop();

        List<Double> seen = new ArrayList<>();
        // A cap, not a wait: on an idle 2-core machine the import takes well under a minute.
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            double total = sum(scrape(), "ahibridge_import_objects_total");
            seen.add(total);
            assertThat(total).as("objects with an outcome, as scraped").isEqualTo(DICOM_FILES + TEXT_FILES);
        });
        assertThat(seen).as("totals scraped while the import ran").isSorted();

        await().atMost(Duration.ofMinutes(1)).until(() -> reports().size() == 1);
        JsonNode report = JSON.readTree(reports().get(0).toFile());
        assertThat(report.get("files").asInt()).isEqualTo(DICOM_FILES + TEXT_FILES);
        String metrics = scrape();
        Map<String, Double> byOutcome = new HashMap<>();
        report.get("outcomes").fields().forEachRemaining(e -> byOutcome.put(e.getKey(), e.getValue().asDouble()));
        assertThat(byOutcome).containsEntry("IMPORTED", (double) DICOM_FILES)
                .containsEntry("SKIPPED_NOT_P10", (double) TEXT_FILES);
        byOutcome.forEach((outcome, count) -> assertThat(value(metrics, "ahibridge_import_objects_total",
                "outcome=\"" + outcome + "\"")).as(outcome).isEqualTo(count));
        assertThat(sum(metrics, "ahibridge_import_objects_total")).isEqualTo(DICOM_FILES + TEXT_FILES);
        assertThat(value(metrics, "ahibridge_import_objects_total", "datastore=\"local\"", "outcome=\"IMPORTED\""))
                .isEqualTo(DICOM_FILES);

        assertThat(sum(metrics, "ahibridge_import_objects_discovered_total")).isEqualTo(DICOM_FILES + TEXT_FILES);
        assertThat(value(metrics, "ahibridge_import_objects_classified_total", "verdict=\"COMPLIANT\""))
                .isEqualTo(DICOM_FILES);
        assertThat(value(metrics, "ahibridge_import_objects_classified_total", "verdict=\"NOT_P10\""))
                .isEqualTo(TEXT_FILES);
        assertThat(sum(metrics, "ahibridge_import_objects_staged_total")).isEqualTo(DICOM_FILES);
        assertThat(sum(metrics, "ahibridge_import_staged_bytes_total")).isEqualTo(dicomBytes);

        // The ledger gauges catch up within a refresh: every batch completed, nothing in flight, nothing waiting.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String gauges = scrape();
            assertThat(value(gauges, "ahibridge_import_batches", "datastore=\"local\"", "state=\"COMPLETED\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(gauges, "ahibridge_import_jobs_in_flight", "datastore=\"local\"")).isZero();
            assertThat(sum(gauges, "ahibridge_import_objects_unfinished")).isZero();
        });
        assertThat(value(metrics, "ahibridge_aws_requests_total", "operation=\"StartDICOMImportJob\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("ahibridge_aws_requests_throttled_total{");

        // Camel's route metrics: exchanges per route, the outcome route's one per object.
        assertThat(value(metrics, "camel_exchanges_total", "routeId=\"import-outcome\""))
                .isGreaterThanOrEqualTo(DICOM_FILES + TEXT_FILES);
        assertThat(metrics).contains("routeId=\"import-object\"");
    }

    /** Writes the files beside the inbox and moves them in whole; returns the DICOM files' bytes. */
    private static long drop() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        List<Path> files = new ArrayList<>(SampleStudies.write(outside, SampleStudies.instances(15, 4, 1,
                DICOM_FILES / 4)));
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        for (int i = 0; i < TEXT_FILES; i++) {
            files.add(Files.writeString(outside.resolve("notes-" + i + ".txt"), "not DICOM"));
        }
        for (Path file : files) {
            Path target = temp.resolve("inbox").resolve(outside.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return bytes;
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sum of a metric's samples whose labels include {@code source="scrape-inbox"} (or have no source). */
    private static double sum(String metrics, String name) {
        return samples(metrics, name).stream().filter(s -> !s.labels.contains("source=\"")
                || s.labels.contains("source=\"" + SOURCE + "\"")).mapToDouble(s -> s.value).sum();
    }

    /** The one sample of a metric with all the given labels (and this test's source, where it has one). */
    private static double value(String metrics, String name, String... labels) {
        List<Sample> matching = samples(metrics, name).stream().filter(s -> Stream.of(labels)
                .allMatch(s.labels::contains)).filter(s -> !s.labels.contains("source=\"")
                        || s.labels.contains("source=\"" + SOURCE + "\"")).toList();
        assertThat(matching).as(name + " " + String.join(",", labels)).hasSize(1);
        return matching.get(0).value;
    }

    private record Sample(String labels, double value) {
    }

    private static List<Sample> samples(String metrics, String name) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(metrics);
        List<Sample> samples = new ArrayList<>();
        while (m.find()) {
            samples.add(new Sample(m.group(1), Double.parseDouble(m.group(2))));
        }
        return samples;
    }

    private static List<Path> reports() throws IOException {
        Path runs = temp.resolve("audit/runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        }
    }
}
