package org.ahibridge.dicom.codec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An installed command-line codec (OpenJPH's {@code ojph_compress}, OpenJPEG's {@code opj_compress}),
 * found on the PATH and run once per frame as a bounded child process: its output is read into a
 * bounded buffer, and a run that outlasts the time limit is killed. The process's own messages become
 * the {@link CodecException}'s reason.
 */
final class CodecTool {

    /** The longest a tool may take for one frame: generous for a 256 MiB frame on a busy machine. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(120);
    private static final int MESSAGE_BYTES = 4096;

    private final Path executable;
    private final String debianPackage;

    private CodecTool(Path executable, String debianPackage) {
        this.executable = executable;
        this.debianPackage = debianPackage;
    }

    /** The tool, or null when no executable of that name is on the PATH (or in /usr/bin). */
    static CodecTool find(String name, String debianPackage) {
        List<String> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        directories.add("/usr/bin");
        for (String directory : directories) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new CodecTool(candidate, debianPackage);
            }
        }
        return null;
    }

    Path executable() {
        return executable;
    }

    String debianPackage() {
        return debianPackage;
    }

    /**
     * Runs the tool with these arguments in {@code directory}; returns when it exited with status 0. Its
     * messages go to a file in that directory (a pipe could fill and block it) and the first few KiB of
     * them become the reason of a failure.
     */
    void run(Path directory, List<String> arguments) throws CodecException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        Path messages = directory.resolve("tool-messages.txt");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(messages.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .start();
        } catch (IOException e) {
            throw new CodecException("cannot start " + executable + ": " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CodecException(executable.getFileName() + " did not finish within " + TIME_LIMIT.toSeconds()
                        + " s");
            }
            if (process.exitValue() != 0) {
                throw new CodecException(executable.getFileName() + " failed with exit status " + process.exitValue()
                        + ": " + head(messages));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodecException(executable.getFileName() + " was interrupted", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String head(Path messages) {
        try (InputStream in = Files.newInputStream(messages)) {
            return new String(in.readNBytes(MESSAGE_BYTES), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no messages: " + e.getMessage() + ")";
        }
    }
}
