package org.ahibridge.cli.progress;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether the process's stderr is a terminal, and how wide it is. Java 17 has no isatty: {@code System.console()}
 * is null as soon as stdout is redirected, which is exactly when the summary goes to a file and the progress still
 * goes to the screen, so on Linux the answer comes from where file descriptor 2 points.
 */
final class Terminal {

    static final int DEFAULT_WIDTH = 80;

    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.startsWith("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null; // no /proc: the JDK's answer, right when nothing is redirected
        }
    }

    /** Columns: {@code COLUMNS} when exported, else what {@code stty size} says of the terminal, else 80. */
    static int width() {
        Integer columns = columns(System.getenv("COLUMNS"));
        if (columns != null) {
            return columns;
        }
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return DEFAULT_WIDTH;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!stty.waitFor(2, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return DEFAULT_WIDTH;
            }
            String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split(" ");
            Integer parsed = size.length == 2 ? columns(size[1]) : null;
            return parsed == null ? DEFAULT_WIDTH : parsed;
        } catch (IOException e) {
            return DEFAULT_WIDTH;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_WIDTH;
        }
    }

    private static Integer columns(String text) {
        if (text == null || !text.matches("[0-9]{1,4}")) {
            return null;
        }
        int columns = Integer.parseInt(text);
        return columns >= 20 ? columns : null;
    }
}
