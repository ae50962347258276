package org.ahibridge.exporting.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.ahibridge.AhiBridgeApplication;
import org.ahibridge.embedded.EmbeddedEmulator;
import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.emulator.sqs.SqsServer;
import org.ahibridge.samples.SampleInstance;
import org.ahibridge.samples.SampleStudies;

/**
 * routes/optional/export-on-image-set-event.camel.yaml against a real SQS server (ElasticMQ) and the real export
 * flow on the embedded default: an "Image Set Created" event for an image set imported into it writes that
 * image set's files to the mirror destination, an import-job event is ignored, both messages are consumed.
 */
@CamelSpringBootTest
@SpringBootTest(classes = AhiBridgeApplication.class, properties = {
    "camel.main.routes-include-pattern=file:routes/error-handling.camel.yaml,file:routes/import-dead-letter.camel.yaml,"
            + "file:routes/export-run.camel.yaml,file:routes/export-image-set.camel.yaml,"
            + "file:routes/export-outcome.camel.yaml,file:routes/export-dead-letter.camel.yaml,"
            + "file:routes/optional/export-on-image-set-event.camel.yaml",
    "camel.main.run-controller=false", "ahibridge.export.mirror.enabled=true",
    "ahibridge.export.mirror.queue=image-set-events", "camel.component.aws2-sqs.wait-time-seconds=1",
    // The service's one SQS client (importSqsClient), which the component autowires, points at the test's server.
    "ahibridge.routes.import.queue-region=us-east-1",
    "ahibridge.routes.import.enabled=false"})
@DirtiesContext
class ExportOnImageSetEventRouteIT {

    static SqsServer server;
    static CamelContext camel;
    static Path temp;

    @DynamicPropertySource
    static void sqsAndFolders(DynamicPropertyRegistry registry) throws IOException {
        server = SqsServer.start(0, "us-east-1", "123456789012");
        temp = Files.createTempDirectory("export-event-it");
        registry.add("test.sqs.endpoint", () -> server.endpoint().toString());
        registry.add("ahibridge.routes.import.queue-endpoint", () -> server.endpoint().toString());
        System.setProperty("aws.accessKeyId", "emulator");
        System.setProperty("aws.secretAccessKey", "emulator");
        try (SqsClient client = client()) {
            client.createQueue(b -> b.queueName("image-set-events"));
        }
        registry.add("ahibridge.embedded.data-dir", () -> temp.resolve("emulator").toString());
        registry.add("ahibridge.audit.directory", () -> temp.resolve("audit").toString());
        registry.add("ahibridge.ledger.url", () -> "jdbc:h2:file:" + temp.resolve("ledger").resolve("ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        registry.add("ahibridge.export.mirror.destination", () -> "file:" + temp.resolve("mirror"));
    }

    @Autowired
    void remember(CamelContext context) {
        camel = context;
    }

    /**
     * The route's SQS consumer stops before the server it polls. Left running, the cached context polled the
     * stopped server for the rest of the test JVM: an error and a stack trace a second in every later test's log.
     */
    @AfterAll
    static void stop() {
        if (camel != null) {
            camel.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    private static SqsClient client() {
        return SqsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(Emulator.CREDENTIALS)).build();
    }


    @Autowired
    EmbeddedEmulator embedded;

    @Test
    void shouldMirrorCreatedImageSetsAndIgnoreOtherEvents() throws IOException {
        try (SqsClient sqs = client()) {
            mirror(sqs);
        }
    }

    private void mirror(SqsClient sqs) throws IOException {
        String imageSet = importOneSeries();
        String queue = sqs.getQueueUrl(b -> b.queueName("image-set-events")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"source\":\"aws.medical-imaging\","
                + "\"detail-type\":\"Import Job Completed\",\"detail\":{\"jobId\":\"x\"}}"));
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"source\":\"aws.medical-imaging\","
                + "\"detail-type\":\"Image Set Created\",\"detail\":{\"imageSetId\":\"" + imageSet + "\","
                + "\"datastoreId\":\"" + "d".repeat(32) + "\",\"isPrimary\":true}}"));

        await().atMost(Duration.ofSeconds(60)).until(() -> ExportRoutesIT.files(temp.resolve("mirror")).size() == 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> sqs.getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings().values().stream().allMatch("0"::equals));

        assertThat(ExportRoutesIT.files(temp.resolve("mirror")).keySet())
                .allSatisfy(key -> assertThat(key).endsWith(".dcm"));
    }

    /** One series of three instances imported into the embedded default; returns its image set id. */
    private String importOneSeries() {
        Emulator emulator = embedded.awaitReady();
        String datastoreId = embedded.readyLocal().datastoreId();
        List<SampleInstance> samples = SampleStudies.instances(17, 1, 1, 3);
        try (MedicalImagingClient ahi = EmulatorClients.medicalImaging(emulator.endpoints());
                S3Client s3 = EmulatorClients.s3(emulator.endpoints())) {
            s3.createBucket(b -> b.bucket("event-input"));
            s3.createBucket(b -> b.bucket("event-output"));
            for (SampleInstance sample : samples) {
                s3.putObject(b -> b.bucket("event-input").key(sample.sopUid() + ".dcm"),
                        RequestBody.fromBytes(sample.toBytes()));
            }
            String jobId = ahi.startDICOMImportJob(b -> b.datastoreId(datastoreId).jobName("event-it")
                    .dataAccessRoleArn("arn:aws:iam::123456789012:role/ImportRole").inputS3Uri("s3://event-input/")
                    .outputS3Uri("s3://event-output/out/")).jobId();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> ahi
                    .getDICOMImportJob(b -> b.datastoreId(datastoreId).jobId(jobId)).jobProperties().jobStatus()
                    == JobStatus.COMPLETED);
            return ahi.searchImageSets(b -> b.datastoreId(datastoreId)).imageSetsMetadataSummaries().get(0)
                    .imageSetId();
        }
    }
}
