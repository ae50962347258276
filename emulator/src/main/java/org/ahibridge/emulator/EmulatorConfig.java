package org.ahibridge.emulator;

import java.nio.file.Path;

import org.ahibridge.emulator.ahi.AhiSettings;
import org.ahibridge.emulator.ahi.imports.ImportSpool;

/**
 * How to start the {@link Emulator}: loopback host, ports (0 = a free port), an optional data
 * directory for state that survives a restart, the AHI account and quotas, the fault seed, where
 * import jobs (and STOW-RS requests) spool large objects, and the port of the DICOMweb endpoint.
 */
public record EmulatorConfig(String host, int ahiPort, int s3Port, int sqsPort, Path dataDir, AhiSettings ahi,
        long faultSeed, ImportSpool importSpool, int dicomWebPort) {

    public static final int DEFAULT_AHI_PORT = 4599;
    public static final int DEFAULT_S3_PORT = 4566;
    public static final int DEFAULT_SQS_PORT = 4576;
    /** AWS serves DICOMweb on a host of its own (docs/aws-healthimaging.md §10); the emulator on a port of its own. */
    public static final int DEFAULT_DICOMWEB_PORT = 4598;
    /** As {@link #sqsPort()}: run no SQS server (EventBridge then drops deliveries to SQS targets). */
    public static final int NO_SQS = -1;

    /** Ephemeral ports, in memory, AWS's default quotas: what tests use. */
    public static EmulatorConfig ephemeral() {
        return new EmulatorConfig("127.0.0.1", 0, 0, 0, null, AhiSettings.defaults(), 42L, ImportSpool.defaults(), 0);
    }

    public EmulatorConfig withPorts(int ahi, int s3, int sqs) {
        return new EmulatorConfig(host, ahi, s3, sqs, dataDir, this.ahi, faultSeed, importSpool, dicomWebPort);
    }

    /**
     * No SQS server: what the service's embedded default runs, since its class path has no ElasticMQ and it
     * needs no queue. EventBridge rules still match, but their SQS targets receive nothing.
     */
    public EmulatorConfig withoutSqs() {
        return new EmulatorConfig(host, ahiPort, s3Port, NO_SQS, dataDir, ahi, faultSeed, importSpool, dicomWebPort);
    }

    public boolean sqsEnabled() {
        return sqsPort != NO_SQS;
    }

    public EmulatorConfig withDataDir(Path dir) {
        return new EmulatorConfig(host, ahiPort, s3Port, sqsPort, dir, ahi, faultSeed, importSpool, dicomWebPort);
    }

    public EmulatorConfig withAhi(AhiSettings settings) {
        return new EmulatorConfig(host, ahiPort, s3Port, sqsPort, dataDir, settings, faultSeed, importSpool,
                dicomWebPort);
    }

    public EmulatorConfig withHost(String newHost) {
        return new EmulatorConfig(newHost, ahiPort, s3Port, sqsPort, dataDir, ahi, faultSeed, importSpool,
                dicomWebPort);
    }

    /** The DICOMweb endpoint's port (0: a free one). */
    public EmulatorConfig withDicomWebPort(int port) {
        return new EmulatorConfig(host, ahiPort, s3Port, sqsPort, dataDir, ahi, faultSeed, importSpool, port);
    }

    /** Tests lower the threshold to exercise the spooled path with small objects. */
    public EmulatorConfig withImportSpool(ImportSpool spool) {
        return new EmulatorConfig(host, ahiPort, s3Port, sqsPort, dataDir, ahi, faultSeed, spool, dicomWebPort);
    }
}
