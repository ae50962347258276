package org.ahibridge.emulator.junit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.DatastoreStatus;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.emulator.Emulator;
import org.ahibridge.emulator.EmulatorEndpoints;

/** Real AWS SDK v2 clients for an {@link Emulator}, configured as docs/emulator.md tells users to. */
public final class EmulatorClients {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EmulatorClients() {
    }

    /** Endpoint override, static credentials, and no {@code runtime-} host prefix (docs/emulator.md). */
    public static MedicalImagingClient medicalImaging(EmulatorEndpoints endpoints) {
        return MedicalImagingClient.builder().endpointOverride(endpoints.ahi()).region(Region.of(endpoints.region()))
                .credentialsProvider(StaticCredentialsProvider.create(Emulator.CREDENTIALS))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)
                        .retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry()).build())
                .build();
    }

    public static software.amazon.awssdk.services.sqs.SqsClient sqs(EmulatorEndpoints endpoints) {
        return software.amazon.awssdk.services.sqs.SqsClient.builder().endpointOverride(endpoints.sqs())
                .region(Region.of(endpoints.region()))
                .credentialsProvider(StaticCredentialsProvider.create(Emulator.CREDENTIALS))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public static software.amazon.awssdk.services.eventbridge.EventBridgeClient eventBridge(EmulatorEndpoints endpoints) {
        return software.amazon.awssdk.services.eventbridge.EventBridgeClient.builder()
                .endpointOverride(endpoints.eventBridge()).region(Region.of(endpoints.region()))
                .credentialsProvider(StaticCredentialsProvider.create(Emulator.CREDENTIALS))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public static S3Client s3(EmulatorEndpoints endpoints) {
        return Emulator.s3Client(endpoints.s3(), endpoints.region());
    }

    /**
     * Creates a data store and waits until it is ACTIVE, as a client of AWS must: CreateDatastore answers
     * CREATING, and StartDICOMImportJob refuses a data store that is not ACTIVE yet. The medical-imaging
     * model defines no waiters (its {@code waiters-2.json} is empty), so this polls GetDatastore.
     *
     * @return the data store id
     */
    public static String createActiveDatastore(MedicalImagingClient ahi, String name) {
        String id = ahi.createDatastore(b -> b.datastoreName(name)).datastoreId();
        awaitActive(ahi, id, Duration.ofSeconds(30));
        return id;
    }

    /** Polls GetDatastore every 20 ms until the data store is ACTIVE; fails after {@code timeout}. */
    public static void awaitActive(MedicalImagingClient ahi, String datastoreId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DatastoreStatus status = ahi.getDatastore(b -> b.datastoreId(datastoreId)).datastoreProperties()
                    .datastoreStatus();
            if (status == DatastoreStatus.ACTIVE) {
                return;
            }
            if (status != DatastoreStatus.CREATING || System.nanoTime() > deadline) {
                throw new IllegalStateException("Data store " + datastoreId + " is " + status + ", not ACTIVE");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** A gzipped metadata blob as JSON. */
    public static JsonNode gunzipJson(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
