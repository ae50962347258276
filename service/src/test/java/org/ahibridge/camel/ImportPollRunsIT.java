package org.ahibridge.camel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.ahibridge.testing.EmulatedImportRoutes;
import org.ahibridge.testing.ImportRouteFiles;
import org.ahibridge.AhiBridgeApplication;
import org.ahibridge.samples.SampleInstance;
import org.ahibridge.samples.SampleStudies;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The polling routes (import-poll on a one-second cron, import-advance, import-tick) over a folder source
 * and the emulated datastore: a run ends COMPLETED with its JSON and CSV report once the source is quiet
 * and every object it took has an outcome, and files dropped later make a new run with its own report.
 */
@CamelSpringBootTest
@SpringBootTest(classes = AhiBridgeApplication.class)
@DirtiesContext
class ImportPollRunsIT {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The emulator, datastore, ledger and polling settings this IT shares with ImportRouteCustomizationsIT. */
    @RegisterExtension
    static final EmulatedImportRoutes STACK = EmulatedImportRoutes.create("poll-runs");
    static Path TEMP;

    @BeforeAll
    static void inbox() throws IOException {
        TEMP = STACK.temp();
        Files.createDirectories(TEMP.resolve("inbox"));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        STACK.register(registry, ImportRouteFiles.FLOW + "," + ImportRouteFiles.files("import-poll", "import-tick"));
        registry.add("ahibridge.storages.inbox.location", () -> TEMP.resolve("inbox").toUri().toString());
        registry.add("ahibridge.storages.inbox.access", () -> "read");
        registry.add("ahibridge.routes.import.sources", () -> "inbox");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    void remember(ConfigurableApplicationContext applicationContext) {
        STACK.stopsRoutesOf(applicationContext);
    }

    @Test
    void shouldEndARunWithItsReportOnceTheSourceIsQuietAndStartANewOneForLaterFiles() throws IOException {
        drop("first", SampleStudies.instances(31, 1, 1, 3), "notes.txt");

        await().atMost(Duration.ofSeconds(90)).until(() -> reports().size() == 1);
        JsonNode first = JSON.readTree(reports().get(0).toFile());
        assertThat(first.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(first.get("endedAt").isNull()).isFalse();
        assertThat(first.get("files").asInt()).isEqualTo(4);
        assertThat(first.get("outcomes").get("IMPORTED").asInt()).isEqualTo(3);
        assertThat(first.get("outcomes").get("SKIPPED_NOT_P10").asInt()).isEqualTo(1);
        Path csv = TEMP.resolve("audit/runs/" + first.get("runId").asText() + ".csv");
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).hasSize(1 + 4);

        drop("second", SampleStudies.instances(32, 1, 1, 2));

        await().atMost(Duration.ofSeconds(90)).until(() -> reports().size() == 2);
        JsonNode second = reports().stream().map(ImportPollRunsIT::read)
                .filter(r -> !r.get("runId").asText().equals(first.get("runId").asText())).findFirst().orElseThrow();
        assertThat(second.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(second.get("files").asInt()).isEqualTo(2);
        assertThat(second.get("outcomes").get("IMPORTED").asInt()).isEqualTo(2);
        assertThat(second.get("outcomes")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from import_run where run_state = 'COMPLETED'").query(Integer.class)
                .single()).isEqualTo(2);
    }

    /** Writes the files beside the inbox and moves each in whole, as an upload that completes at once. */
    private static void drop(String folder, List<SampleInstance> images, String... textFiles) throws IOException {
        Path outside = Files.createDirectories(TEMP.resolve("outside-" + folder));
        List<Path> files = new java.util.ArrayList<>(SampleStudies.write(outside, images));
        for (String name : textFiles) {
            files.add(Files.writeString(outside.resolve(name), "not DICOM"));
        }
        for (Path file : files) {
            Path target = TEMP.resolve("inbox").resolve(folder).resolve(outside.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static List<Path> reports() throws IOException {
        Path runs = TEMP.resolve("audit/runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static JsonNode read(Path report) {
        try {
            return JSON.readTree(report.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
