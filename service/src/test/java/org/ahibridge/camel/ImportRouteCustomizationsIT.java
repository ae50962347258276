package org.ahibridge.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ahibridge.AhiBridgeApplication;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.testing.EmulatedImportRoutes;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.samples.SampleStudies;
import org.ahibridge.testing.EmulatedDatastoreSettings;
import org.ahibridge.testing.ModalityImages;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The import flow as YAML routes, customized only in YAML and application properties, end to end over the
 * real wire (emulated AHI and S3, ElasticMQ) with the shipped route files and the copyable examples of
 * docs/examples/routes (issue 12, acceptance 1 and 2):
 * <ul>
 * <li>(a) import-rules-ct-mr: a US image ends SKIPPED_BY_RULE with the rule's reason in ledger and audit;
 * <li>(b) ahibridge.import.failed.to: every FAILED outcome to a folder and to an SQS queue;
 * <li>(c) import-outcome-taps: a wire tap of every terminal outcome;
 * <li>(d) import-sources: two sources from the template, other schedules, datastores and rules;
 * <li>(e) ahibridge.import.datastore-batch.second.max-files: batches of at most 2 files in one datastore;
 * <li>(f) import-poll-labelled: a header set before classification in every audit line of its objects;
 * <li>(g) import-outcome-taps: each IMPORTED outcome POSTed as JSON to an HTTP endpoint the test serves.
 * </ul>
 * FAILED is forced at every stage: classification (the file vanishes before its read), batching (over
 * max-file-bytes), staging (the file vanishes once batched) and the import job (the emulator fails it).
 * Every object then has exactly one ledger outcome, one audit line, one tapped outcome message, and, for
 * FAILED, one dead-letter file and one queue message.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = AhiBridgeApplication.class)
@DirtiesContext
class ImportRouteCustomizationsIT {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The emulator, datastore, ledger and polling settings this IT shares with ImportPollRunsIT. */
    @RegisterExtension
    static final EmulatedImportRoutes STACK = EmulatedImportRoutes.create("customizations");
    static EmulatorExtension EMULATOR;
    static Path TEMP;
    static String SECOND_ID;
    /** The test's HTTP endpoint that import-outcome-taps calls for each IMPORTED outcome (g). */
    static HttpServer notified;
    static final Queue<String> NOTIFICATIONS = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void sourcesBucketsQueueAndDatastores() throws IOException {
        EMULATOR = STACK.emulator();
        TEMP = STACK.temp();
        SECOND_ID = EmulatorClients.createActiveDatastore(EMULATOR.ahi(), "customizations-second");
        EMULATOR.sqs().createQueue(b -> b.queueName("failed-outcomes"));
        notified = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        notified.createContext("/imported", exchange -> {
            NOTIFICATIONS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        notified.start();
        // The first import job of the run fails: its files end FAILED from the job stage.
        EMULATOR.faults().failJobs(1, 0, "Simulated job failure");

        Path inbox = Files.createDirectories(TEMP.resolve("inbox"));
        List<byte[]> ct = SampleStudies.instances(41, 1, 1, 4).stream().map(i -> i.toBytes()).toList();
        Files.write(inbox.resolve("ct-1.dcm"), ct.get(0));
        Files.write(inbox.resolve("ct-2.dcm"), ct.get(1));
        Files.write(inbox.resolve("gone.dcm"), ct.get(2));
        Files.write(inbox.resolve("vanish.dcm"), ct.get(3));
        Files.write(inbox.resolve("us.dcm"), ModalityImages.image(42, 1, "US", 16));
        Files.write(inbox.resolve("big.dcm"), ModalityImages.image(42, 2, "CT", 64));
        Files.writeString(inbox.resolve("note.txt"), "not DICOM");

        Path archive = Files.createDirectories(TEMP.resolve("archive/drafts"));
        List<byte[]> archived = SampleStudies.instances(43, 1, 1, 6).stream().map(i -> i.toBytes()).toList();
        for (int i = 0; i < 5; i++) {
            Files.write(TEMP.resolve("archive").resolve("a-" + i + ".dcm"), archived.get(i));
        }
        Files.write(archive.resolve("d-1.dcm"), archived.get(5));

        Path labelled = Files.createDirectories(TEMP.resolve("labelled"));
        Files.write(labelled.resolve("l-1.dcm"), SampleStudies.instances(44, 1, 1, 1).get(0).toBytes());
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        var e = EMULATOR.endpoints();
        STACK.register(registry, Stream.of("routes/error-handling",
                "routes/import-dead-letter", "routes/import-advance", "routes/import-batch", "routes/import-job",
                "routes/import-tick", "routes/import-pass",
                "routes/import-objects", "routes/import-batching", "routes/import-object", "routes/import-skip",
                "routes/import-failed",
                "routes/import-source", "docs/examples/routes/import-rules-ct-mr",
                "docs/examples/routes/import-sources", "docs/examples/routes/import-poll-labelled",
                "docs/examples/routes/import-outcome-taps").map(f -> "file:" + f + ".camel.yaml")
                .collect(Collectors.joining(",")));
        EmulatedDatastoreSettings.localDatastore(e, SECOND_ID, "stage-second/", "out-second/").forEach((k, v) -> {
            if (k.startsWith("ahibridge.datastores.local.")) {
                registry.add(k.replace(".local.", ".second."), () -> v);
            }
        });
        for (String source : List.of("inbox", "archive", "labelled")) {
            registry.add("ahibridge.storages." + source + ".location", () -> TEMP.resolve(source).toUri().toString());
            registry.add("ahibridge.storages." + source + ".access", () -> "read");
        }
        registry.add("ahibridge.routes.import.sources", () -> "labelled");
        registry.add("ahibridge.import.batch.max-age", () -> "PT2S");
        // big.dcm (64x64 pixels) is over it; the 16x16 images are far below.
        registry.add("ahibridge.import.batch.max-file-bytes", () -> "6000");
        registry.add("ahibridge.import.datastore-batch.second.max-files", () -> "2");
        registry.add("ahibridge.import.failed.to", () -> "file:" + TEMP.resolve("failed")
                + ",aws2-sqs:failed-outcomes?amazonSQSClient=#importSqsClient");
        registry.add("ahibridge.routes.import.queue-endpoint", () -> e.sqs().toString());
        registry.add("ahibridge.routes.import.queue-region", e::region);
        registry.add("outcome-tap.uri", () -> "mock:every-outcome");
        registry.add("imported-notify.uri",
                () -> "http://localhost:" + notified.getAddress().getPort() + "/imported");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CamelContext camel;

    @Autowired
    void remember(ConfigurableApplicationContext applicationContext) {
        STACK.stopsRoutesOf(applicationContext);
    }

    @AfterAll
    static void stopNotified() {
        notified.stop(0);
    }

    @Test
    void shouldGiveEveryObjectOneOutcomeThroughTheCustomizedRoutes() throws Exception {
        // Test-only faults: gone.dcm vanishes before its header is read, vanish.dcm once it is in a batch.
        AdviceWith.adviceWith(camel, "import-object", a -> {
            a.weaveByType(ProcessDefinition.class).before().process(e -> vanish(e, "gone.dcm"));
            a.weaveAddLast().process(e -> vanish(e, "vanish.dcm"));
        });
        MockEndpoint tap = camel.getEndpoint("mock:every-outcome", MockEndpoint.class);
        camel.start();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> outcomes().size() == 14
                && outcomes().values().stream().allMatch(o -> o != null));
        Map<String, String> outcomes = outcomes();
        Map<String, String> reasons = reasons();

        // (a) the CT/MR rule, with its reason in the ledger and in the audit line
        assertThat(outcomes.get("us.dcm")).isEqualTo("SKIPPED_BY_RULE");
        assertThat(reasons.get("us.dcm")).isEqualTo("modality US is not CT or MR");
        assertThat(auditLines("us.dcm")).singleElement()
                .satisfies(l -> assertThat(l.get("reason").asText()).isEqualTo("modality US is not CT or MR"));
        assertThat(outcomes.get("note.txt")).isEqualTo("SKIPPED_NOT_P10");
        // FAILED from classification, batching and staging; the first job failed as a whole
        assertThat(outcomes.get("gone.dcm")).isEqualTo("FAILED");
        assertThat(reasons.get("gone.dcm")).startsWith("could not read the object");
        assertThat(outcomes.get("big.dcm")).isEqualTo("FAILED");
        assertThat(reasons.get("big.dcm")).contains("max-file-bytes");
        assertThat(outcomes.get("vanish.dcm")).isEqualTo("FAILED");
        assertThat(reasons.get("vanish.dcm")).isEqualTo("the source object was deleted before staging");
        assertThat(reasons.values()).anySatisfy(r -> assertThat(r).contains("Simulated job failure"));
        // (d) the second source's own rule; every other image imported or in the failed job
        assertThat(outcomes.get("drafts/d-1.dcm")).isEqualTo("SKIPPED_BY_RULE");
        assertThat(reasons.get("drafts/d-1.dcm")).isEqualTo("drafts are not imported");
        for (String key : List.of("ct-1.dcm", "ct-2.dcm", "a-0.dcm", "a-1.dcm", "a-2.dcm", "a-3.dcm", "a-4.dcm",
                "l-1.dcm")) {
            assertThat(outcomes.get(key)).as(key).isIn("IMPORTED", "FAILED");
            if ("FAILED".equals(outcomes.get(key))) {
                assertThat(reasons.get(key)).as(key).contains("Simulated job failure");
            }
        }
        assertThat(datastoreOf("a-0.dcm")).isEqualTo("second");
        assertThat(datastoreOf("ct-1.dcm")).isEqualTo("local");
        // (e) batches of at most 2 files in datastore second, and the 5 archive images need 3 of them
        assertThat(jdbc.sql("select max(file_count) from import_batch where datastore = 'second'")
                .query(Integer.class).single()).isLessThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from import_batch where datastore = 'second' and file_count > 0")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(3);
        // (f) the label set before classification, in the labelled source's audit line only
        assertThat(auditLines("l-1.dcm")).singleElement()
                .satisfies(l -> assertThat(l.get("labels").get("site").asText()).isEqualTo("north"));
        assertThat(auditLines("ct-1.dcm")).singleElement().satisfies(l -> assertThat(l.has("labels")).isFalse());

        // Acceptance 2: one audit line and one outcome message per object; (c) the wire tap saw each
        await().atMost(Duration.ofSeconds(10)).until(() -> tap.getReceivedCounter() >= 14);
        Map<String, Long> tapped = tap.getExchanges().stream()
                .collect(Collectors.groupingBy(e -> e.getMessage().getHeader("AhiBridgeKey", String.class),
                        Collectors.counting()));
        for (String key : outcomes.keySet()) {
            assertThat(auditLines(key)).as("audit lines of " + key).hasSize(1);
            assertThat(auditLines(key).get(0).get("outcome").asText()).as(key).isEqualTo(outcomes.get(key));
            assertThat(tapped.get(key)).as("outcome messages of " + key).isEqualTo(1L);
        }
        assertThat(tap.getReceivedCounter()).isEqualTo(14);
        // (g) each IMPORTED outcome reached the test's endpoint, as JSON
        long importedCount = outcomes.values().stream().filter("IMPORTED"::equals).count();
        assertThat(importedCount).isGreaterThanOrEqualTo(5);
        assertThat(NOTIFICATIONS).hasSize((int) importedCount);
        assertThat(NOTIFICATIONS).allSatisfy(body -> assertThat(JSON.readTree(body).get("outcome").asText())
                .isEqualTo("IMPORTED"));

        // (b) each FAILED outcome once in the folder and once on the queue
        List<String> failed = outcomes.entrySet().stream().filter(o -> o.getValue().equals("FAILED"))
                .map(Map.Entry::getKey).sorted().toList();
        List<String> inFolder;
        try (Stream<Path> files = Files.list(TEMP.resolve("failed"))) {
            inFolder = files.map(ImportRouteCustomizationsIT::keyOf).sorted().toList();
        }
        assertThat(inFolder).isEqualTo(failed);
        assertThat(queued()).isEqualTo(failed);
    }

    private static void vanish(Exchange exchange, String key) throws IOException {
        SourceObject object = exchange.getProperty("AhiBridgeSourceObject", SourceObject.class);
        if (object == null) {
            object = exchange.getMessage().getBody(SourceObject.class);
        }
        if (object != null && object.key().equals(key)) {
            Files.deleteIfExists(TEMP.resolve("inbox").resolve(key));
        }
    }

    private Map<String, String> outcomes() {
        return column("outcome");
    }

    private Map<String, String> reasons() {
        return column("outcome_reason");
    }

    private Map<String, String> column(String name) {
        Map<String, String> values = new java.util.HashMap<>();
        jdbc.sql("select object_key, " + name + " from source_object").query((row, n) -> {
            values.put(row.getString(1), row.getString(2));
            return null;
        }).list();
        return values;
    }

    private String datastoreOf(String key) {
        return jdbc.sql("select datastore from source_object where object_key = ?").param(key).query(String.class)
                .single();
    }

    private static List<JsonNode> auditLines(String key) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(TEMP.resolve("audit"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    JsonNode node = JSON.readTree(line);
                    if (key.equals(node.get("key").asText())) {
                        lines.add(node);
                    }
                }
            }
        }
        return lines;
    }

    private static String keyOf(Path failedRecord) {
        try {
            return JSON.readTree(Files.readString(failedRecord)).get("key").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> queued() throws IOException {
        var sqs = EMULATOR.sqs();
        String queue = sqs.getQueueUrl(b -> b.queueName("failed-outcomes")).queueUrl();
        List<String> keys = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            if (batch.isEmpty()) {
                break;
            }
            for (Message message : batch) {
                keys.add(JSON.readTree(message.body()).get("key").asText());
                sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
            }
        }
        return keys.stream().sorted().toList();
    }

}
