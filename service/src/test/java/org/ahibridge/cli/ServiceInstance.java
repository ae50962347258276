package org.ahibridge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ahi-bridge service ({@code org.ahibridge.AhiBridge} with no subcommand, as {@code java -jar
 * ahi-bridge.jar} runs it) in a child JVM on the test class path, so it can be killed with SIGKILL like a
 * crashed host. Output goes to {@code <name>.log} in the log directory.
 */
final class ServiceInstance implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ServiceInstance(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts an instance with {@code -D} system properties, working in the project directory (routes/). */
    static ServiceInstance start(String name, Map<String, String> properties, Path logDirectory) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                // Quick start and few threads: several of these share the CI machine's CPUs with the test.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Daws.accessKeyId=emulator", "-Daws.secretAccessKey=emulator"));
        // Several instances run side by side: each takes a free HTTP port (status page) unless told one.
        if (!properties.containsKey("server.port")) {
            command.add("-Dserver.port=0");
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.ahibridge.AhiBridge"));
        Path log = logDirectory.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ServiceInstance(name, process, log);
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** True once Spring Boot reported the service started (routes and Quartz running). */
    boolean isReady() throws IOException {
        try (var lines = java.nio.file.Files.lines(log, java.nio.charset.StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains("Started AhiBridge in"));
        } catch (java.io.UncheckedIOException e) {
            return false; // a line half written in another charset: not ready yet
        }
    }

    Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook runs, leases and Quartz state are left as they were. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
