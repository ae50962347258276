package org.ahibridge.emulator;

import java.nio.file.Path;

import org.ahibridge.emulator.ahi.AhiSettings;

/**
 * How to start the {@link Emulator}: loopback host, ports (0 = a free port), an optional data
 * directory for state that survives a restart, the AHI account and quotas, and the fault seed.
 */
public record EmulatorConfig(String host, int ahiPort, int s3Port, int sqsPort, Path dataDir, AhiSettings ahi,
        long faultSeed) {

    public static final int DEFAULT_AHI_PORT = 4599;
    public static final int DEFAULT_S3_PORT = 4566;
    public static final int DEFAULT_SQS_PORT = 4576;

    /** Ephemeral ports, in memory, AWS's default quotas: what tests use. */
    public static EmulatorConfig ephemeral() {
        return new EmulatorConfig("127.0.0.1", 0, 0, 0, null, AhiSettings.defaults(), 42L);
    }

    public EmulatorConfig withPorts(int ahi, int s3, int sqs) {
        return new EmulatorConfig(host, ahi, s3, sqs, dataDir, this.ahi, faultSeed);
    }

    public EmulatorConfig withDataDir(Path dir) {
        return new EmulatorConfig(host, ahiPort, s3Port, sqsPort, dir, ahi, faultSeed);
    }

    public EmulatorConfig withAhi(AhiSettings settings) {
        return new EmulatorConfig(host, ahiPort, s3Port, sqsPort, dataDir, settings, faultSeed);
    }

    public EmulatorConfig withHost(String newHost) {
        return new EmulatorConfig(newHost, ahiPort, s3Port, sqsPort, dataDir, ahi, faultSeed);
    }
}
