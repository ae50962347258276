package org.ahibridge.dicom.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an installed command-line tool (dcmtk, dicom3tools) and captures its exit code and output. */
public final class ExternalTool {

    /** What a tool run produced. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private ExternalTool() {
    }

    /** True when {@code /usr/bin/<name>} exists and is executable. */
    public static boolean installed(String name) {
        return Files.isExecutable(Path.of("/usr/bin", name));
    }

    public static Result run(String... command) throws IOException {
        return run(true, command);
    }

    /** Runs the command; with {@code keepStdout} false its standard output is discarded unread. */
    public static Result run(boolean keepStdout, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
        if (!keepStdout) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String stdout = keepStdout ? readAll(process.getInputStream()) : "";
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 120 s");
            }
            return new Result(process.exitValue(), stdout, stderr.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
