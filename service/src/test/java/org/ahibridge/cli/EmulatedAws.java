package org.ahibridge.cli;

import java.util.List;

import org.ahibridge.ahi.AhiClients;
import org.ahibridge.emulator.EmulatorEndpoints;
import org.ahibridge.emulator.ahi.fault.FaultInjector;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The emulated AWS of the ITs that run the import in child JVMs or in process and check AHI afterwards: an
 * emulator for the class, the buckets {@code staging} and {@code output}, and the clients the checks use. The
 * AHI client is the bridge's own, which retries: AHI is kept busy by the import (or by a test's faults) while a
 * test checks. Register it in a static field with {@code @RegisterExtension}.
 */
final class EmulatedAws implements BeforeAllCallback, AfterAllCallback {

    private final EmulatorExtension emulator = EmulatorExtension.create();
    private MedicalImagingClient ahi;

    @Override
    public void beforeAll(ExtensionContext context) {
        // The default credentials chain of the bridge's clients (here and in process) reads these.
        System.setProperty("aws.accessKeyId", "emulator");
        System.setProperty("aws.secretAccessKey", "emulator");
        emulator.beforeAll(context);
        ahi = AhiClients.create(emulator.endpoints().region(), emulator.endpoints().ahi());
        for (String bucket : List.of("staging", "output")) {
            emulator.s3().createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (ahi != null) {
                ahi.close();
            }
        } finally {
            ahi = null;
            emulator.afterAll(context);
        }
    }

    S3Client s3() {
        return emulator.s3();
    }

    SqsClient sqs() {
        return emulator.sqs();
    }

    MedicalImagingClient ahi() {
        return ahi;
    }

    EmulatorEndpoints endpoints() {
        return emulator.endpoints();
    }

    FaultInjector faults() {
        return emulator.faults();
    }
}
