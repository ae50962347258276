package org.ahibridge.ahi;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClientBuilder;

import org.ahibridge.metrics.AwsRequestCounter;

/**
 * Builds MedicalImaging clients: credentials from the AWS default chain, the datastore's region (else
 * the default region chain, else us-east-1) and, for an endpoint override (the emulator), host prefix
 * injection disabled so runtime calls do not go to {@code runtime-<host>} (docs/aws-healthimaging.md §1.2).
 * The SDK's own retries are off: {@link AhiRetry} retries every operation with one policy, and each attempt is
 * paced and counted once. The connection pool is sized for the export's frame fetches in flight
 * ({@value #MAX_CONNECTIONS}). Every client counts its requests ({@link AwsRequestCounter}).
 */
public final class AhiClients {

    /** Above the most frame fetches an export keeps in flight, so a fetch never waits for a connection. */
    static final int MAX_CONNECTIONS = 256;

    private static final AwsBasicCredentials PLACEHOLDER = AwsBasicCredentials.create("ahi-bridge-local",
            "ahi-bridge-local");

    private AhiClients() {
    }

    /**
     * A client with the AWS default chain; for an endpoint override (an emulator, which checks no signature)
     * placeholder keys when the chain has none, so a local export needs no AWS account.
     */
    public static MedicalImagingClient create(String region, URI endpoint) {
        AwsCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
        if (endpoint == null) {
            return create(region, null, chain);
        }
        return create(region, endpoint, AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true)
                .credentialsProviders(chain, StaticCredentialsProvider.create(PLACEHOLDER)).build());
    }

    public static MedicalImagingClient create(String region, URI endpoint, AwsCredentialsProvider credentials) {
        MedicalImagingClientBuilder builder = MedicalImagingClient.builder().credentialsProvider(credentials)
                .region(region(region)).httpClientBuilder(ApacheHttpClient.builder().maxConnections(MAX_CONNECTIONS))
                .overrideConfiguration(c -> {
                    c.retryStrategy(DefaultRetryStrategy.doNotRetry());
                    if (endpoint != null) {
                        c.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
                    }
                });
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return AwsRequestCounter.countRequests(builder).build();
    }

    private static Region region(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Region.of(configured);
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException e) {
            return Region.US_EAST_1;
        }
    }
}
