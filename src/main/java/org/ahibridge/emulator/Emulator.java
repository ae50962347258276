package org.ahibridge.emulator;

import java.io.IOException;
import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.emulator.ahi.AhiEmulator;
import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.emulator.eventbridge.EventPublisher;
import org.ahibridge.emulator.s3.S3Server;

/**
 * The local AWS: AHI (with EventBridge on the same port), an S3 server and an SQS server, all on
 * loopback. Used in-process by tests and the embedded default, and by the {@code emulator} command.
 * The emulator talks to its own S3 server through the AWS SDK, exactly as AHI reads S3.
 */
public final class Emulator implements AutoCloseable {

    /** The credentials the emulator's own clients use; the servers accept any. */
    public static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("emulator", "emulator");

    private final S3Server s3Server;
    private final S3Client s3;
    private final AhiEmulator ahi;
    private final EmulatorEndpoints endpoints;

    private Emulator(S3Server s3Server, S3Client s3, AhiEmulator ahi, EmulatorEndpoints endpoints) {
        this.s3Server = s3Server;
        this.s3 = s3;
        this.ahi = ahi;
        this.endpoints = endpoints;
    }

    public static Emulator start(EmulatorConfig config) throws IOException {
        S3Server s3Server = S3Server.start(config.host(), config.s3Port(),
                config.dataDir() == null ? null : config.dataDir());
        S3Client s3 = null;
        try {
            s3 = s3Client(s3Server.endpoint(), config.ahi().region());
            AhiEmulator ahi = new AhiEmulator(config.host(), config.ahiPort(), config.ahi(),
                    config.dataDir() == null ? null : config.dataDir().resolve("ahi"), EventPublisher.NONE, s3, null,
                    config.faultSeed());
            EmulatorEndpoints endpoints = new EmulatorEndpoints(ahi.endpoint(), ahi.endpoint(), s3Server.endpoint(),
                    null, config.ahi().region(), config.ahi().accountId());
            return new Emulator(s3Server, s3, ahi, endpoints);
        } catch (IOException | RuntimeException e) {
            if (s3 != null) {
                s3.close();
            }
            s3Server.close();
            throw e;
        }
    }

    /** An S3 client for an emulator S3 endpoint: path-style access, static credentials. */
    public static S3Client s3Client(URI endpoint, String region) {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public EmulatorEndpoints endpoints() {
        return endpoints;
    }

    /** Fault injection for tests. */
    public FaultInjector faults() {
        return ahi.faults();
    }

    @Override
    public void close() {
        ahi.close();
        s3.close();
        s3Server.close();
    }
}
