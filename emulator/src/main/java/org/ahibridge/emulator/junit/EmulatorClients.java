package org.ahibridge.emulator.junit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
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
