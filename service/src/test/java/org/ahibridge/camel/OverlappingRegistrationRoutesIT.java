package org.ahibridge.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.ahibridge.AhiBridgeApplication;
import org.ahibridge.ahi.AhiClients;
import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.EmulatorConfig;
import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.samples.SampleStudies;
import org.ahibridge.storage.AccessModeException;
import org.ahibridge.testing.EmulatedDatastoreSettings;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.apache.camel.CamelContext;
import org.apache.camel.support.DefaultExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 11 on the service's own import paths: the configured source {@code src} is
 * {@code s3://probe-src/} and {@code s3://probe-src/wo/} is registered write-only. The polling pass used
 * to list and take {@code wo/a.dcm}; an S3 event for it was taken or ignored depending on map order.
 * Both paths now refuse the source as a whole, as the one-shot import does, and nothing is recorded.
 * The routes are not loaded: the test calls the {@code pollingImport} bean as they would.
 */
@CamelSpringBootTest
@SpringBootTest(classes = AhiBridgeApplication.class)
@DirtiesContext
class OverlappingRegistrationRoutesIT {

    static final Path TEMP;
    static final Emulator EMULATOR;
    static final String DATASTORE_ID;

    static {
        try {
            TEMP = Files.createTempDirectory("overlap-routes-it");
            System.setProperty("aws.accessKeyId", "emulator");
            System.setProperty("aws.secretAccessKey", "emulator");
            EMULATOR = Emulator.start(EmulatorConfig.ephemeral());
            try (S3Client s3 = Emulator.s3Client(EMULATOR.endpoints().s3(), EMULATOR.endpoints().region());
                    MedicalImagingClient ahi = AhiClients.create(EMULATOR.endpoints().region(),
                            EMULATOR.endpoints().ahi())) {
                Stream.of("probe-src", "staging", "output").forEach(b -> s3.createBucket(r -> r.bucket(b)));
                var images = SampleStudies.instances(1103, 1, 1, 2);
                s3.putObject(b -> b.bucket("probe-src").key("wo/a.dcm"), RequestBody.fromBytes(images.get(0).toBytes()));
                s3.putObject(b -> b.bucket("probe-src").key("in/b.dcm"), RequestBody.fromBytes(images.get(1).toBytes()));
                DATASTORE_ID = EmulatorClients.createActiveDatastore(ahi, "overlap");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("camel.main.run-controller", () -> "false");
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/error-handling.camel.yaml");
        EmulatedDatastoreSettings.localDatastore(EMULATOR.endpoints(), DATASTORE_ID, "stage/", "out/")
                .forEach((k, v) -> registry.add(k, () -> v));
        EmulatedDatastoreSettings.ledgerAndAudit(TEMP).forEach((k, v) -> registry.add(k, () -> v));
        registry.add("ahibridge.storages.src.location", () -> "s3://probe-src/");
        registry.add("ahibridge.storages.src.access", () -> "read");
        registry.add("ahibridge.storages.wo.location", () -> "s3://probe-src/wo/");
        registry.add("ahibridge.storages.wo.access", () -> "write");
        registry.add("ahibridge.routes.import.sources", () -> "src");
    }

    @Autowired
    PollingImport pollingImport;

    @Autowired
    DiscoveryStep importDiscovery;

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stop() {
        EMULATOR.close();
    }

    @Test
    void shouldRefuseToPollASourceThatHoldsAWriteOnlyRegistration() {
        assertThatThrownBy(() -> importDiscovery.pass(new DefaultExchange(camel)))
                .isInstanceOf(AccessModeException.class)
                .hasMessageContaining("storage 'wo' is registered write-only")
                .hasMessageContaining("it lies inside s3://probe-src/");

        assertThat(recordedObjects()).isZero();
    }

    @Test
    void shouldRefuseAnS3EventOfThatSourceAsThePollDoes() {
        for (String key : new String[] {"wo/a.dcm", "in/b.dcm"}) {
            String event = """
                    {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                      "s3":{"bucket":{"name":"probe-src"},"object":{"key":"%s","size":1}}}]}
                    """.formatted(key);

            assertThatThrownBy(() -> pollingImport.ingest(event)).as(key).isInstanceOf(AccessModeException.class)
                    .hasMessageContaining("storage 'wo' is registered write-only");
        }

        assertThat(recordedObjects()).isZero();
    }

    private int recordedObjects() {
        return jdbc.sql("select count(*) from source_object").query(Integer.class).single();
    }
}
