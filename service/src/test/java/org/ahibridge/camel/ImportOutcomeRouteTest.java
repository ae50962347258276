package org.ahibridge.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.audit.JsonLinesAuditSink;
import org.ahibridge.ledger.Outcome;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * routes/import-outcome.camel.yaml and import-failed.camel.yaml as shipped, with their real beans (the
 * JSON-lines audit sink in a temporary folder, the outcome-event bean with no bus, the JSON bean): an
 * outcome sent through {@link RoutedOutcomes} gives one audit line with its reason, and a FAILED one also
 * one JSON file in the folder of ahibridge.import.failed.to, with the audit line's fields.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ImportOutcomeRouteTest.App.class, properties = {
    "camel.main.routes-include-pattern=file:routes/import-outcome.camel.yaml,file:routes/import-failed.camel.yaml,"
            + "file:routes/import-dead-letter.camel.yaml,file:routes/error-handling.camel.yaml",
    "camel.main.run-controller=false",
    "ahibridge.import.failed.to=file:target/outcome-route-test/failed",
    "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"})
class ImportOutcomeRouteTest {

    static final Path FOLDER = Path.of("target/outcome-route-test");
    static final ObjectMapper JSON = new ObjectMapper();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ImportOutcomeConfiguration.class)
    static class App {
        @Bean(destroyMethod = "close")
        JsonLinesAuditSink auditSink() throws IOException {
            clean(FOLDER);
            return new JsonLinesAuditSink(FOLDER.resolve("audit"));
        }
    }

    @Autowired
    CamelContext camel;

    @Autowired
    RoutedOutcomes importOutcomeSink;

    @Test
    void shouldAuditEveryOutcomeOnceAndWriteEachFailureToTheFailedFolder() throws IOException {
        importOutcomeSink.record(record("scans/a.dcm", Outcome.IMPORTED, null));
        importOutcomeSink.record(record("scans/b.dcm", Outcome.FAILED, "StartDICOMImportJob rejected: bad role"));
        importOutcomeSink.record(record("scans/c.txt", Outcome.SKIPPED_NOT_P10, "NOT_DICOM: no DICM prefix"));

        List<JsonNode> lines = lines(FOLDER.resolve("audit"));
        assertThat(lines).extracting(l -> l.get("key").asText())
                .containsOnlyOnce("scans/a.dcm", "scans/b.dcm", "scans/c.txt");
        assertThat(lines).filteredOn(l -> l.get("key").asText().equals("scans/b.dcm")).singleElement()
                .satisfies(l -> assertThat(l.get("reason").asText())
                        .isEqualTo("StartDICOMImportJob rejected: bad role"));
        List<JsonNode> failed = files(FOLDER.resolve("failed"));
        assertThat(failed).extracting(f -> f.get("key").asText()).doesNotContain("scans/a.dcm", "scans/c.txt");
        assertThat(failed).filteredOn(f -> f.get("key").asText().equals("scans/b.dcm")).singleElement()
                .satisfies(f -> {
                    assertThat(f.get("outcome").asText()).isEqualTo("FAILED");
                    assertThat(f.get("jobId").asText()).isEqualTo("job-1");
                });
    }

    @Test
    void shouldGoStraightToTheAuditFileWhileTheRouteIsStopped() throws Exception {
        camel.getRouteController().stopRoute("import-outcome");
        try {
            importOutcomeSink.record(record("scans/d.dcm", Outcome.FAILED, "could not read the object"));
        } finally {
            camel.getRouteController().startRoute("import-outcome");
        }
        assertThat(lines(FOLDER.resolve("audit"))).extracting(l -> l.get("key").asText()).contains("scans/d.dcm");
        assertThat(files(FOLDER.resolve("failed"))).extracting(f -> f.get("key").asText())
                .doesNotContain("scans/d.dcm");
    }

    static AuditRecord record(String key, Outcome outcome, String reason) {
        return new AuditRecord(Instant.parse("2026-01-02T03:04:05Z"), "run-1", "inbox", key, "v1", 1234, "local",
                outcome, reason, "batch-1", null, "job-1", null, null, null, null, null, null, null, 1);
    }

    static List<JsonNode> lines(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<JsonNode> lines = new java.util.ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines;
        }
    }

    static List<JsonNode> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<JsonNode> records = new java.util.ArrayList<>();
            for (Path file : files.sorted().toList()) {
                records.add(JSON.readTree(Files.readString(file)));
            }
            return records;
        }
    }

    static void clean(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
