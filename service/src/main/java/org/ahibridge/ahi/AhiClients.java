package org.ahibridge.ahi;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClientBuilder;

import org.ahibridge.metrics.AwsRequestCounter;

/**
 * Builds MedicalImaging clients: credentials from the AWS default chain, the datastore's region (else
 * the default region chain, else us-east-1) and, for an endpoint override (the emulator), host prefix
 * injection disabled so runtime calls do not go to {@code runtime-<host>} (docs/aws-healthimaging.md §1.2).
 * Every client counts its requests ({@link AwsRequestCounter}).
 */
public final class AhiClients {

    private AhiClients() {
    }

    public static MedicalImagingClient create(String region, URI endpoint) {
        return create(region, endpoint, DefaultCredentialsProvider.builder().build());
    }

    public static MedicalImagingClient create(String region, URI endpoint, AwsCredentialsProvider credentials) {
        MedicalImagingClientBuilder builder = MedicalImagingClient.builder().credentialsProvider(credentials)
                .region(region(region));
        if (endpoint != null) {
            builder.endpointOverride(endpoint).overrideConfiguration(c -> c
                    .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true));
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
