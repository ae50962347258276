package org.ahibridge.emulator;

import java.nio.file.Path;
import java.time.Duration;

import org.ahibridge.emulator.ahi.AhiSettings;
import org.ahibridge.emulator.ahi.imports.ImportSpool;

/**
 * How to start the {@link Emulator}: loopback host, {@link Ports ports} (0 = a free port), an optional data
 * directory for state that survives a restart, the AHI account and quotas, the fault seed, where import jobs
 * (and STOW-RS requests) spool large objects, and an optional one-way network latency ({@link #withLatency}).
 * Each {@code with...} method returns a copy with one setting changed.
 */
public record EmulatorConfig(String host, Ports ports, Path dataDir, AhiSettings ahi, long faultSeed,
        ImportSpool importSpool, Duration latency) {

    public static final int DEFAULT_AHI_PORT = 4599;
    public static final int DEFAULT_S3_PORT = 4566;
    public static final int DEFAULT_SQS_PORT = 4576;
    /** AWS serves DICOMweb on a host of its own (docs/aws-healthimaging.md §10); the emulator on a port of its own. */
    public static final int DEFAULT_DICOMWEB_PORT = 4598;
    /** As {@link #sqsPort()}: run no SQS server (EventBridge then drops deliveries to SQS targets). */
    public static final int NO_SQS = -1;

    /** The ports of AHI (with EventBridge), S3, SQS and DICOMweb. */
    public record Ports(int ahi, int s3, int sqs, int dicomWeb) {
    }

    /** Ephemeral ports, in memory, AWS's default quotas: what tests use. */
    public static EmulatorConfig ephemeral() {
        return new EmulatorConfig("127.0.0.1", new Ports(0, 0, 0, 0), null, AhiSettings.defaults(), 42L,
                ImportSpool.defaults(), null);
    }

    public int ahiPort() {
        return ports.ahi();
    }

    public int s3Port() {
        return ports.s3();
    }

    public int sqsPort() {
        return ports.sqs();
    }

    public int dicomWebPort() {
        return ports.dicomWeb();
    }

    public EmulatorConfig withPorts(int ahi, int s3, int sqs) {
        return withPorts(new Ports(ahi, s3, sqs, ports.dicomWeb()));
    }

    /** The DICOMweb endpoint's port (0: a free one). */
    public EmulatorConfig withDicomWebPort(int port) {
        return withPorts(new Ports(ports.ahi(), ports.s3(), ports.sqs(), port));
    }

    private EmulatorConfig withPorts(Ports newPorts) {
        return new EmulatorConfig(host, newPorts, dataDir, ahi, faultSeed, importSpool, latency);
    }

    /**
     * No SQS server: what the service's embedded default runs, since its class path has no ElasticMQ and it
     * needs no queue. EventBridge rules still match, but their SQS targets receive nothing.
     */
    public EmulatorConfig withoutSqs() {
        return withPorts(new Ports(ports.ahi(), ports.s3(), NO_SQS, ports.dicomWeb()));
    }

    public boolean sqsEnabled() {
        return ports.sqs() != NO_SQS;
    }

    public EmulatorConfig withDataDir(Path dir) {
        return new EmulatorConfig(host, ports, dir, ahi, faultSeed, importSpool, latency);
    }

    public EmulatorConfig withAhi(AhiSettings settings) {
        return new EmulatorConfig(host, ports, dataDir, settings, faultSeed, importSpool, latency);
    }

    public EmulatorConfig withHost(String newHost) {
        return new EmulatorConfig(newHost, ports, dataDir, ahi, faultSeed, importSpool, latency);
    }

    /**
     * Puts a {@link org.ahibridge.emulator.latency.DelayingProxy} delaying each direction by {@code oneWay} in
     * front of the AHI (and EventBridge), S3 and SQS ports, so that clients see a cloud service's round trip
     * (10 ms each way: 20 ms per request) instead of loopback's. The proxies take the configured ports, and
     * {@link Emulator#endpoints()} names them; the emulator's own calls (an import job reading S3, EventBridge
     * delivering to SQS) go to the servers directly. {@link Duration#ZERO} keeps the proxies without a delay,
     * so that a comparison with a delay differs in the delay only; null (the default) runs no proxy.
     */
    public EmulatorConfig withLatency(Duration oneWay) {
        if (oneWay != null && oneWay.isNegative()) {
            throw new IllegalArgumentException("a latency cannot be negative");
        }
        return new EmulatorConfig(host, ports, dataDir, ahi, faultSeed, importSpool, oneWay);
    }

    public boolean delayed() {
        return latency != null;
    }

    /** Tests lower the threshold to exercise the spooled path with small objects. */
    public EmulatorConfig withImportSpool(ImportSpool spool) {
        return new EmulatorConfig(host, ports, dataDir, ahi, faultSeed, spool, latency);
    }
}
