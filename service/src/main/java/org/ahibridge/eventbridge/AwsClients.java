package org.ahibridge.eventbridge;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import org.ahibridge.metrics.AwsRequestCounter;

/**
 * SQS and EventBridge clients of the event features: the AWS default credentials chain (never credentials
 * from configuration), the configured region or the SDK's region chain (else us-east-1), and an optional
 * endpoint override. Every client counts its requests ({@link AwsRequestCounter}).
 */
final class AwsClients {

    private AwsClients() {
    }

    static String region(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (RuntimeException noRegion) {
            return "us-east-1";
        }
    }

    static SqsClient sqs(String region, URI endpoint) {
        SqsClientBuilder builder = SqsClient.builder().region(Region.of(region(region)))
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return AwsRequestCounter.countRequests(builder).build();
    }

    static EventBridgeClient events(String region, URI endpoint) {
        EventBridgeClientBuilder builder = EventBridgeClient.builder().region(Region.of(region(region)))
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return AwsRequestCounter.countRequests(builder).build();
    }
}
