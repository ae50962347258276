package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The emulator stays apart from the bridge: its module depends on nothing of the project but the DICOM
 * codec (Maven enforces that), and no production code of the service imports it except the
 * {@code emulator} command and the embedded default's composition package {@code org.ahibridge.embedded}.
 */
class EmulatorBoundaryTest {

    private static final Path MAIN = Path.of("service", "src", "main", "java", "org", "ahibridge");

    @Test
    void shouldBeUsedByNoProductionCodeButTheEmulatorCommandAndTheEmbeddedDefault() throws IOException {
        List<String> users;
        try (Stream<Path> files = Files.walk(MAIN)) {
            users = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(MAIN.resolve("emulator")))
                    .filter(p -> !p.endsWith(Path.of("cli", "EmulatorCommand.java")))
                    .filter(p -> !p.startsWith(MAIN.resolve("embedded")))
                    .filter(p -> read(p).contains("import org.ahibridge.emulator.")).map(Path::toString).toList();
        }
        assertThat(users).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
