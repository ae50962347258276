package org.ahibridge.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The built {@code target/ahi-bridge.jar}, run in a child JVM as a user runs it: from a working folder of
 * the test's choosing, optionally with a cleared environment. Output goes to files in that folder.
 */
final class BuiltJar {

    static final Path JAR = Path.of("target", "ahi-bridge.jar").toAbsolutePath();

    /** What one run printed and how it ended. */
    record Result(int status, List<String> out, List<String> err) {

        String lastOut() {
            return out.isEmpty() ? "" : out.get(out.size() - 1);
        }
    }

    private BuiltJar() {
    }

    static void assumeBuilt() {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "the jar is built by `mvn package`");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs the jar and waits for it to exit.
     *
     * @param environment the child's whole environment, or null to inherit this one
     */
    static Result run(Path folder, List<String> jvmOptions, List<String> args, Map<String, String> environment,
            Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(args);
        Path out = Files.createTempFile(folder, "out-", ".txt");
        Path err = Files.createTempFile(folder, "err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the jar did not exit within " + timeout + "; its output: "
                        + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
            }
        } finally {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }
}
