package org.ahibridge.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.ahibridge.emulator.ahi.AhiEmulator;
import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.emulator.dicomweb.DicomWebApi;
import org.ahibridge.emulator.dicomweb.DicomWebServer;
import org.ahibridge.emulator.eventbridge.EventBridgeEmulator;
import org.ahibridge.emulator.latency.DelayingProxy;
import org.ahibridge.emulator.s3.S3Server;
import org.ahibridge.emulator.sqs.SqsServer;

/**
 * The local AWS: AHI with EventBridge on the same port, AHI's DICOMweb endpoint on a port of its own, an S3
 * server (s3proxy) and an SQS server (ElasticMQ, unless {@link EmulatorConfig#withoutSqs()}), all on loopback. Used in-process by tests and the embedded default, and by the
 * {@code emulator} command. AHI reads its import input and writes its job output through the AWS SDK
 * against the S3 server, and sends its events to the emulated EventBridge default bus, whose rules
 * deliver to SQS queues. With {@link EmulatorConfig#withLatency}, delaying proxies stand in front of the
 * AHI, S3 and SQS ports, and those internal calls bypass them.
 */
public final class Emulator implements AutoCloseable {

    /** The credentials the emulator's own clients use; the servers accept any. */
    public static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("emulator", "emulator");

    private final Deque<AutoCloseable> resources;
    private final AhiEmulator ahi;
    private final EmulatorEndpoints endpoints;

    private Emulator(Deque<AutoCloseable> resources, AhiEmulator ahi, EmulatorEndpoints endpoints) {
        this.resources = resources;
        this.ahi = ahi;
        this.endpoints = endpoints;
    }

    public static Emulator start(EmulatorConfig config) throws IOException {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        String region = config.ahi().region();
        String account = config.ahi().accountId();
        // With a latency, proxies take the configured ports and the servers behind them any free port.
        boolean delayed = config.delayed();
        try {
            // s3proxy is a separate JVM: it boots while SQS and AHI start here.
            S3Server s3Server = push(started, S3Server.launch(config.host(), delayed ? 0 : config.s3Port(),
                    config.dataDir()));
            S3Client s3 = push(started, s3Client(s3Server.endpoint(), region));
            URI sqsEndpoint = null;
            SqsServer sqsServer = null;
            if (config.sqsEnabled() && delayed) {
                // ElasticMQ puts its address into queue URLs: it must be told the proxy's before it starts.
                DelayingProxy proxy = push(started, DelayingProxy.open(config.host(), config.sqsPort(),
                        config.latency()));
                sqsServer = push(started, SqsServer.startBehind(proxy.port(), region, account));
                sqsEndpoint = endpoint(config, proxy.forwardTo(address(sqsServer.endpoint())));
            } else if (config.sqsEnabled()) {
                sqsServer = push(started, SqsServer.start(config.sqsPort(), region, account));
                sqsEndpoint = sqsServer.endpoint();
            }
            SqsClient sqs = sqsServer == null ? null : push(started, sqsClient(sqsServer.endpoint(), region));
            EventBridgeEmulator eventBridge = push(started, new EventBridgeEmulator(sqs, region, account,
                    config.dataDir() == null ? null : config.dataDir().resolve("eventbridge")));
            AhiEmulator ahi = push(started, new AhiEmulator(config.host(), delayed ? 0 : config.ahiPort(),
                    config.ahi(), config.dataDir() == null ? null : config.dataDir().resolve("ahi"), eventBridge, s3,
                    eventBridge::handle, config.faultSeed(), config.importSpool()));
            DicomWebServer dicomWeb = push(started, DicomWebApi.start(config.host(), delayed ? 0 : config.dicomWebPort(),
                    ahi.context(), config.importSpool()));
            URI ahiEndpoint = delayed ? endpoint(config, push(started, DelayingProxy.start(config.host(),
                    config.ahiPort(), address(ahi.endpoint()), config.latency()))) : ahi.endpoint();
            URI s3Endpoint = delayed ? endpoint(config, push(started, DelayingProxy.start(config.host(),
                    config.s3Port(), address(s3Server.endpoint()), config.latency()))) : s3Server.endpoint();
            URI dicomWebEndpoint = delayed ? endpoint(config, push(started, DelayingProxy.start(config.host(),
                    config.dicomWebPort(), address(dicomWeb.endpoint()), config.latency()))) : dicomWeb.endpoint();
            s3Server.awaitReady();
            EmulatorEndpoints endpoints = new EmulatorEndpoints(ahiEndpoint, ahiEndpoint, s3Endpoint, sqsEndpoint,
                    region, account, dicomWebEndpoint);
            return new Emulator(started, ahi, endpoints);
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static InetSocketAddress address(URI endpoint) {
        return new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
    }

    private static URI endpoint(EmulatorConfig config, DelayingProxy proxy) {
        return URI.create("http://" + config.host() + ":" + proxy.port());
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> started, T resource) {
        started.push(resource);
        return resource;
    }

    /** An S3 client for an emulator S3 endpoint: path-style access, static credentials. */
    public static S3Client s3Client(URI endpoint, String region) {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    static SqsClient sqsClient(URI endpoint, String region) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    public EmulatorEndpoints endpoints() {
        return endpoints;
    }

    /** See {@link AhiEmulator#ensureDatastore(String, String)}: the in-process way to a known data store id. */
    public String ensureDatastore(String id, String name) {
        return ahi.ensureDatastore(id, name);
    }

    /** Fault injection for tests. */
    public FaultInjector faults() {
        return ahi.faults();
    }

    /** Stops everything, the last started first. */
    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                // keep closing the others; a failed close of an emulator part must not leak the rest
            }
        }
    }
}
