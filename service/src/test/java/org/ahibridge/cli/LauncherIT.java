package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code target/ahi-bridge} (README, "Faster start"; the Docker image's entry point), run from a
 * deployment folder of its own (the jar and its {@code lib/} linked, so the class-data archives it writes land
 * there): a command's second run maps the archive its first wrote and prints the same, with no JVM log line
 * mixed in; {@code export} gets the C1 compiler and the serial collector, which JAVA_OPTS can take back as the
 * docs say; the service keeps the JVM's defaults.
 */
class LauncherIT {

    static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    Path deployment;

    @BeforeEach
    void deploy() throws IOException {
        BuiltJar.assumeBuilt();
        Files.copy(TARGET.resolve("ahi-bridge"), deployment.resolve("ahi-bridge"));
        Files.createSymbolicLink(deployment.resolve("ahi-bridge.jar"), TARGET.resolve("ahi-bridge.jar"));
        Files.createSymbolicLink(deployment.resolve("lib"), TARGET.resolve("lib"));
    }

    @Test
    void shouldPrintTheSameOnTheRunThatMapsTheArchiveAsOnTheRunThatWroteIt() throws Exception {
        List<String> first = launch(null, "export", "--help");
        assertThat(Files.list(deployment.resolve("cds")).map(p -> p.getFileName().toString()))
                .singleElement().asString().startsWith("export-").endsWith(".jsa");
        List<String> second = launch(null, "export", "--help");

        assertThat(first.get(0)).startsWith("usage: java -jar ahi-bridge.jar export");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldRunExportWithC1AndTheSerialCollectorUnlessJavaOptsSayOtherwise() throws Exception {
        assertThat(flags(launch("-XX:+PrintCommandLineFlags", "export", "--help")))
                .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

        String longExport = "-XX:TieredStopAtLevel=4 -XX:-UseSerialGC -XX:+UseG1GC -XX:+PrintCommandLineFlags";
        assertThat(flags(launch(longExport, "export", "--help")))
                .contains("-XX:TieredStopAtLevel=4", "-XX:+UseG1GC", "-XX:-UseSerialGC");

        assertThat(flags(launch("-XX:+PrintCommandLineFlags", "--help")))
                .doesNotContain("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    /** The JVM's line of -XX flags, as -XX:+PrintCommandLineFlags printed it first. */
    private static List<String> flags(List<String> out) {
        assertThat(out.get(0)).startsWith("-XX:");
        return List.of(out.get(0).trim().split(" "));
    }

    /** Runs the launcher with JAVA_OPTS (or none); asserts it exits 0 and gives what it printed. */
    private List<String> launch(String javaOpts, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(deployment.resolve("ahi-bridge").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(deployment, "out-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(deployment.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().remove("JAVA_OPTS");
        if (javaOpts != null) {
            builder.environment().put("JAVA_OPTS", javaOpts);
        }
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
        List<String> printed = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join("\n", printed)).isZero();
        return printed;
    }
}
