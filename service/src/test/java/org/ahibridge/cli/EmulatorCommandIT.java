package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;

import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.emulator.EmulatorEndpoints;

/** The {@code emulator} command of the built jar, as a user runs it: ready quickly, prints endpoints, serves the SDK. */
class EmulatorCommandIT {

    private static final Path JAR = Path.of("target", "ahi-bridge.jar");

    @Test
    void shouldStartFromTheJarPrintItsEndpointsAndServeTheAwsSdk() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "target/ahi-bridge.jar is missing (mvn -B package -DskipTests builds it)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "emulator", "--port", "0", "--s3-port", "0",
                "--sqs-port", "0", "--dicomweb-port", "0").redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture.runAsync(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (Exception e) {
                // the process ended
            }
        });
        try {
            // Readiness time is measured in BENCHMARKS.md on a quiet machine; here the bound only stops a hang,
            // since CI machines and parallel builds make wall-clock start times noisy.
            Awaitility.await("ready line").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> lines.stream().anyMatch(l -> l.startsWith("EMULATOR_READY ")));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("AWS_DISABLE_HOST_PREFIX_INJECTION=true"));
            JsonNode ready = EmulatorClients.json(lines.stream().filter(l -> l.startsWith("EMULATOR_READY "))
                    .findFirst().orElseThrow().substring("EMULATOR_READY ".length()));
            EmulatorEndpoints endpoints = new EmulatorEndpoints(URI.create(ready.get("ahi").asText()),
                    URI.create(ready.get("eventBridge").asText()), URI.create(ready.get("s3").asText()),
                    URI.create(ready.get("sqs").asText()), ready.get("region").asText(), "123456789012");
            try (MedicalImagingClient ahi = EmulatorClients.medicalImaging(endpoints);
                    var s3 = EmulatorClients.s3(endpoints); var sqs = EmulatorClients.sqs(endpoints)) {
                assertThat(EmulatorClients.createActiveDatastore(ahi, "cli")).matches("[0-9a-z]{32}");
                s3.createBucket(b -> b.bucket("cli-bucket"));
                assertThat(s3.listBuckets().buckets()).anySatisfy(b -> assertThat(b.name()).isEqualTo("cli-bucket"));
                assertThat(sqs.createQueue(b -> b.queueName("cli-queue")).queueUrl()).contains("cli-queue");
            }
        } finally {
            process.destroy();
            process.onExit().get();
        }
    }
}
