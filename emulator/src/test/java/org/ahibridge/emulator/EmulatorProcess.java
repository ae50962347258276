package org.ahibridge.emulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;

import org.ahibridge.emulator.junit.EmulatorClients;

/**
 * The built standalone emulator ({@code target/emulators/ahi-emulator.jar}) in a JVM of its own, as users run
 * it, with the JVM options a test needs (a small heap, short timeouts). Its output is kept for assertions.
 */
final class EmulatorProcess implements AutoCloseable {

    /** Failsafe names the jar; run from the module folder, it is one level up otherwise. */
    static final Path JAR = Path.of(System.getProperty("ahibridge.emulator.jar",
            Path.of("..", "target", "emulators", "ahi-emulator.jar").toString()));

    private final Process process;
    private final List<String> output;
    private final EmulatorEndpoints endpoints;

    private EmulatorProcess(Process process, List<String> output, EmulatorEndpoints endpoints) {
        this.process = process;
        this.output = output;
        this.endpoints = endpoints;
    }

    static boolean available() {
        return Files.isRegularFile(JAR);
    }

    /** Starts the emulator on free ports and waits for its ready line. */
    static EmulatorProcess start(String... jvmOptions) throws Exception {
        return start(List.of(jvmOptions), List.of());
    }

    /** Starts the emulator on free ports with more options of its own ({@code --data-dir DIR}), and waits for it. */
    static EmulatorProcess start(List<String> jvmOptions, List<String> emulatorOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "--port", "0", "--s3-port", "0", "--sqs-port", "0",
                "--dicomweb-port", "0"));
        command.addAll(emulatorOptions);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
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
            // A bound against hangs, not a measurement: start-up takes seconds on a loaded 2-core machine.
            Awaitility.await("emulator ready line").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> lines.stream().anyMatch(l -> l.startsWith("EMULATOR_READY ")) || !process.isAlive());
            String line = lines.stream().filter(l -> l.startsWith("EMULATOR_READY ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the emulator did not start: " + lines));
            JsonNode ready = EmulatorClients.json(line.substring("EMULATOR_READY ".length()));
            EmulatorEndpoints endpoints = new EmulatorEndpoints(URI.create(ready.get("ahi").asText()),
                    URI.create(ready.get("eventBridge").asText()), URI.create(ready.get("s3").asText()),
                    URI.create(ready.get("sqs").asText()), ready.get("region").asText(), "123456789012",
                    URI.create(ready.get("dicomWeb").asText()));
            return new EmulatorProcess(process, lines, endpoints);
        } catch (RuntimeException e) {
            process.destroy();
            throw e;
        }
    }

    EmulatorEndpoints endpoints() {
        return endpoints;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> output() {
        return List.copyOf(output);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.onExit().get();
    }
}
