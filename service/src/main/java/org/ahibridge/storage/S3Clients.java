package org.ahibridge.storage;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.ahibridge.metrics.AwsRequestCounter;

/**
 * Builds S3 clients for an {@link S3Connection}: credentials from the AWS default chain (never from
 * configuration), the configured region or else the default region chain (us-east-1 when none is
 * set), and for S3-compatible endpoints the endpoint override, optional path-style addressing, and
 * checksums only where S3 requires them (many compatible servers reject the SDK's default trailing
 * checksums). Every client counts its requests ({@link AwsRequestCounter}). Its connection pool holds
 * {@code maxConnections} ({@code ahibridge.s3.max-connections}): each request in flight needs one, and the
 * import keeps many in flight (staging copies, classification reads) to hide each request's latency.
 */
public final class S3Clients {

    private S3Clients() {
    }

    /** Connections per S3 client unless configured: the SDK's default of 50 would queue the import's requests. */
    public static final int DEFAULT_MAX_CONNECTIONS = 128;

    public static S3Client create(S3Connection connection) {
        return create(connection, DEFAULT_MAX_CONNECTIONS);
    }

    public static S3Client create(S3Connection connection, int maxConnections) {
        return create(connection, DefaultCredentialsProvider.builder().build(), maxConnections);
    }

    public static S3Client create(S3Connection connection, AwsCredentialsProvider credentials) {
        return create(connection, credentials, DEFAULT_MAX_CONNECTIONS);
    }

    public static S3Client create(S3Connection connection, AwsCredentialsProvider credentials, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("ahibridge.s3.max-connections must be at least 1, not "
                    + maxConnections);
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(maxConnections))
                .credentialsProvider(credentials)
                .region(region(connection.region()))
                .forcePathStyle(connection.pathStyle())
                // The endpoint rules once per bucket, not twice per request (CachedS3Endpoints).
                .endpointProvider(CachedS3Endpoints.defaultRules());
        if (connection.endpoint() != null) {
            builder.endpointOverride(connection.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return AwsRequestCounter.countRequests(builder).build();
    }

    static Region region(String configured) {
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
