package org.ahibridge.camel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ahibridge.emulator.junit.EmulatorExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.testing.EmulatedDatastoreSettings;
import org.ahibridge.testing.ImportRouteFiles;
import org.ahibridge.AhiBridgeApplication;
import org.ahibridge.emulator.Emulator;
import org.ahibridge.samples.SampleStudies;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Message-driven import over the real wire: an S3 event notification put on the SQS queue (ElasticMQ)
 * gets its object imported into the emulated datastore by the routes import-sqs-events and import-tick
 * (real aws2-sqs and timer components), with no listing of the source (the polling route is not loaded).
 */
@CamelSpringBootTest
@SpringBootTest(classes = AhiBridgeApplication.class)
@DirtiesContext
class ImportSqsEventsIT {

    /** Started before Spring builds the context, whose properties name its endpoints. */
    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create();
    static Path TEMP;
    static String DATASTORE_ID;

    @BeforeAll
    static void bucketsQueueAndDatastore() throws IOException {
        TEMP = Files.createTempDirectory("sqs-events-it");
        System.setProperty("aws.accessKeyId", "emulator");
        System.setProperty("aws.secretAccessKey", "emulator");
        Stream.of("landing", "staging", "output").forEach(b -> EMULATOR.s3().createBucket(r -> r.bucket(b)));
        DATASTORE_ID = EmulatorClients.createActiveDatastore(EMULATOR.ahi(), "events");
        EMULATOR.sqs().createQueue(b -> b.queueName("import-events"));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        var e = EMULATOR.endpoints();
        registry.add("camel.main.run-controller", () -> "false");
        registry.add("camel.main.routes-include-pattern", () -> ImportRouteFiles.FLOW + ","
                + ImportRouteFiles.files("import-sqs-events", "import-tick"));
        EmulatedDatastoreSettings.localDatastore(e, DATASTORE_ID, "stage/", "out/")
                .forEach((k, v) -> registry.add(k, () -> v));
        EmulatedDatastoreSettings.ledgerAndAudit(TEMP).forEach((k, v) -> registry.add(k, () -> v));
        registry.add("ahibridge.storages.landing.location", () -> "s3://landing/");
        registry.add("ahibridge.storages.landing.access", () -> "read");
        registry.add("ahibridge.import.jobs.starts-per-second", () -> "1");
        registry.add("ahibridge.routes.import.sources", () -> "landing");
        registry.add("ahibridge.routes.import.events-from",
                () -> "aws2-sqs:import-events?amazonSQSClient=#importSqsClient&waitTimeSeconds=1&delay=200"
                        + "&concurrentConsumers=2");
        registry.add("ahibridge.routes.import.queue-endpoint", () -> e.sqs().toString());
        registry.add("ahibridge.routes.import.queue-region", e::region);
        registry.add("ahibridge.routes.import.tick-millis", () -> "300");
    }

    static ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    void remember(ConfigurableApplicationContext applicationContext) {
        context = applicationContext;
    }

    @AfterAll
    static void stop() {
        // The routes stop before the servers they poll (the extension stops the emulator next); Spring
        // closes the rest (@DirtiesContext).
        if (context != null && context.isActive()) {
            context.getBean(org.apache.camel.CamelContext.class).stop();
        }
    }

    @Test
    void shouldImportAnObjectAnnouncedByAnS3EventNotificationWithoutListing() throws IOException {
        String key = "incoming/scan 1 ü.dcm";
        byte[] image = SampleStudies.instances(21, 1, 1, 1).get(0).toBytes();
        var e = EMULATOR.endpoints();
        try (S3Client s3 = Emulator.s3Client(e.s3(), e.region());
                SqsClient sqs = SqsClient.builder().endpointOverride(e.sqs())
                        .region(software.amazon.awssdk.regions.Region.of(e.region())).build()) {
            s3.putObject(b -> b.bucket("landing").key(key), RequestBody.fromBytes(image));
            String queue = sqs.getQueueUrl(b -> b.queueName("import-events")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("""
                    {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                      "s3":{"bucket":{"name":"landing"},"object":{"key":"incoming/scan+1+%%C3%%BC.dcm","size":%d}}}]}
                    """.formatted(image.length)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> outcome(key) != null);
        assertThat(outcome(key)).isEqualTo("IMPORTED");
        assertThat(jdbc.sql("select count(*) from listing_position").query(Integer.class).single()).isZero();
        assertThat(Files.readString(Files.list(TEMP.resolve("audit")).filter(p -> p.toString().endsWith(".jsonl"))
                .findFirst().orElseThrow())).contains("\"outcome\":\"IMPORTED\"").contains("scan 1 ü.dcm");
    }

    /**
     * S3 event notifications are at least once, and competing consumers (two threads here, or several
     * instances) may each get a copy: the same announcement four times must still give one ledger row,
     * one outcome and one audit line, and every copy must be deleted from the queue once processed.
     */
    @Test
    void shouldImportAnObjectOnceWhenCompetingConsumersGetTheSameEventSeveralTimes() throws IOException {
        String key = "incoming/twice.dcm";
        byte[] image = SampleStudies.instances(22, 1, 1, 1).get(0).toBytes();
        var e = EMULATOR.endpoints();
        String queue;
        try (S3Client s3 = Emulator.s3Client(e.s3(), e.region());
                SqsClient sqs = SqsClient.builder().endpointOverride(e.sqs())
                        .region(software.amazon.awssdk.regions.Region.of(e.region())).build()) {
            s3.putObject(b -> b.bucket("landing").key(key), RequestBody.fromBytes(image));
            queue = sqs.getQueueUrl(b -> b.queueName("import-events")).queueUrl();
            String event = """
                    {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                      "s3":{"bucket":{"name":"landing"},"object":{"key":"incoming/twice.dcm","size":%d}}}]}
                    """.formatted(image.length);
            for (int copy = 0; copy < 4; copy++) {
                sqs.sendMessage(b -> b.queueUrl(queue).messageBody(event));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> "IMPORTED".equals(outcome(key)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var attributes = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings(
                        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
                return "0".equals(attributes.get("ApproximateNumberOfMessages"))
                        && "0".equals(attributes.get("ApproximateNumberOfMessagesNotVisible"));
            });
        }
        assertThat(jdbc.sql("select count(*) from source_object where object_key = ?").param(key).query(Integer.class)
                .single()).isEqualTo(1);
        long audited;
        try (Stream<Path> files = Files.list(TEMP.resolve("audit"))) {
            audited = files.filter(p -> p.toString().endsWith(".jsonl")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream();
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }).filter(line -> line.contains("\"key\":\"incoming/twice.dcm\"")).count();
        }
        assertThat(audited).as("audit lines for the object").isEqualTo(1);
    }

    private String outcome(String key) {
        return jdbc.sql("select outcome from source_object where object_key = ?").param(key).query(String.class)
                .optional().orElse(null);
    }
}
