package org.ahibridge.camel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ahibridge.emulator.junit.EmulatorExtension;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.testing.EmulatedDatastoreSettings;
import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.EmulatorEndpoints;
import org.ahibridge.samples.SampleStudies;
import org.apache.camel.ProducerTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The real wire of the job-event ITs: an emulator (AHI with EventBridge, s3proxy, ElasticMQ) per IT class,
 * started before Spring builds the class's context and stopped after its routes (each IT's {@code @AfterAll}), a datastore with staging and output buckets, and the service configured against it with
 * only the routes the event flow needs (no polling route: the tests list the source by calling
 * {@code pollingImport.poll()}). Each IT uses its own queue, rule, source bucket and ledger.
 */
abstract class JobEventsStack {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create();
    static EmulatorEndpoints AWS;
    static String DATASTORE_ID;

    @BeforeAll
    static void datastoreWithItsBuckets() {
        System.setProperty("aws.accessKeyId", "emulator");
        System.setProperty("aws.secretAccessKey", "emulator");
        AWS = EMULATOR.endpoints();
        Stream.of("staging", "output").forEach(b -> EMULATOR.s3().createBucket(r -> r.bucket(b)));
        DATASTORE_ID = EmulatorClients.createActiveDatastore(EMULATOR.ahi(), "job-events");
    }

    static S3Client s3() {
        return Emulator.s3Client(AWS.s3(), AWS.region());
    }

    static SqsClient sqs() {
        return SqsClient.builder().endpointOverride(AWS.sqs()).region(Region.of(AWS.region())).build();
    }

    static EventBridgeClient events() {
        return EventBridgeClient.builder().endpointOverride(AWS.eventBridge()).region(Region.of(AWS.region())).build();
    }

    static Path tempDirectory(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service against the emulator, importing from {@code bucket}, job events from {@code queue}. */
    static void configure(DynamicPropertyRegistry registry, Path temp, String bucket, String queue, String rule,
            Duration fallback) {
        try (S3Client s3 = s3(); SqsClient sqs = sqs()) {
            s3.createBucket(b -> b.bucket(bucket));
            sqs.createQueue(b -> b.queueName(queue));
        }
        registry.add("camel.main.run-controller", () -> "false");
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/error-handling.camel.yaml,"
                + "file:routes/import-dead-letter.camel.yaml,file:routes/import-tick.camel.yaml,"
                + "file:routes/import-job-events.camel.yaml,file:routes/import-pass.camel.yaml,"
                + "file:routes/import-objects.camel.yaml,file:routes/import-batching.camel.yaml,"
                + "file:routes/import-object.camel.yaml,"
                + "file:routes/import-rules.camel.yaml,file:routes/import-skip.camel.yaml,"
                + "file:routes/import-advance.camel.yaml,file:routes/import-outcome.camel.yaml,"
                + "file:routes/import-batch.camel.yaml,file:routes/import-job.camel.yaml,"
                + "file:routes/import-failed.camel.yaml");
        EmulatedDatastoreSettings.localDatastore(AWS, DATASTORE_ID, bucket + "/", bucket + "/")
                .forEach((k, v) -> registry.add(k, () -> v));
        EmulatedDatastoreSettings.ledgerAndAudit(temp).forEach((k, v) -> registry.add(k, () -> v));
        registry.add("ahibridge.storages.landing.location", () -> "s3://" + bucket + "/");
        registry.add("ahibridge.storages.landing.access", () -> "read");
        registry.add("ahibridge.import.jobs.starts-per-second", () -> "1");
        registry.add("ahibridge.import.discovery.stable-after", () -> "PT0S");
        registry.add("ahibridge.routes.import.sources", () -> "landing");
        registry.add("ahibridge.routes.import.tick-millis", () -> "300");
        registry.add("ahibridge.import.job-events.enabled", () -> "true");
        registry.add("ahibridge.import.job-events.queue", () -> queue);
        registry.add("ahibridge.import.job-events.rule-name", () -> rule);
        registry.add("ahibridge.import.job-events.region", AWS::region);
        registry.add("ahibridge.import.job-events.queue-endpoint", () -> AWS.sqs().toString());
        registry.add("ahibridge.import.job-events.events-endpoint", () -> AWS.eventBridge().toString());
        registry.add("ahibridge.import.job-events.fallback-interval", fallback::toString);
        registry.add("ahibridge.import.job-events.from",
                () -> "aws2-sqs:" + queue + "?amazonSQSClient=#jobEventsSqsClient&waitTimeSeconds=1&delay=100");
    }

    /** Uploads {@code images} sample images and one text file under {@code prefix}; returns every key. */
    static List<String> upload(String bucket, String prefix, int images) {
        try (S3Client s3 = s3()) {
            List<String> keys = new java.util.ArrayList<>();
            var instances = SampleStudies.instances((bucket + prefix).hashCode(), 1, 1, images);
            for (int i = 0; i < instances.size(); i++) {
                String key = prefix + "image " + i + ".dcm";
                byte[] image = instances.get(i).toBytes();
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(image));
                keys.add(key);
            }
            s3.putObject(b -> b.bucket(bucket).key(prefix + "readme.txt"),
                    RequestBody.fromString("not DICOM", StandardCharsets.UTF_8));
            keys.add(prefix + "readme.txt");
            return keys;
        }
    }

    /** Lists the source (direct:import-pass) until every key is in the ledger; import-tick takes it from there. */
    static void discover(ProducerTemplate producer, JdbcClient jdbc, List<String> keys) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            producer.sendBody("direct:import-pass", null);
            return outcomes(jdbc).keySet().containsAll(keys);
        });
    }

    /** Waits until every key has an outcome, then returns key -> outcome for them. */
    static Map<String, String> awaitOutcomes(JdbcClient jdbc, List<String> keys) {
        await().atMost(Duration.ofSeconds(60)).until(() -> keys.stream().noneMatch(k -> outcomes(jdbc).get(k) == null
                || outcomes(jdbc).get(k).equals("null")));
        Map<String, String> all = outcomes(jdbc);
        Map<String, String> mine = new java.util.TreeMap<>();
        keys.forEach(k -> mine.put(k, all.get(k)));
        return mine;
    }

    static Map<String, String> outcomes(JdbcClient jdbc) {
        Map<String, String> outcomes = new java.util.TreeMap<>();
        jdbc.sql("select object_key, outcome from source_object")
                .query((row, n) -> Map.entry(row.getString(1), String.valueOf(row.getString(2)))).list()
                .forEach(e -> outcomes.put(e.getKey(), e.getValue()));
        return outcomes;
    }
}
