package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The emulator stays apart from the bridge (DESIGN.md §5): it imports no project code but its own and
 * the DICOM codec, and no production code imports it except the {@code emulator} command.
 */
class EmulatorBoundaryTest {

    private static final Path MAIN = Path.of("src", "main", "java", "org", "ahibridge");

    @Test
    void shouldImportOnlyItselfAndTheDicomCodec() throws IOException {
        assertThat(imports(MAIN.resolve("emulator")).filter(line -> line.contains("org.ahibridge.")
                && !line.contains("org.ahibridge.emulator.") && !line.contains("org.ahibridge.dicom.")).toList())
                .isEmpty();
    }

    @Test
    void shouldBeUsedByNoProductionCodeButTheEmulatorCommand() throws IOException {
        List<String> users;
        try (Stream<Path> files = Files.walk(MAIN)) {
            users = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(MAIN.resolve("emulator")))
                    .filter(p -> !p.endsWith(Path.of("cli", "EmulatorCommand.java")))
                    .filter(p -> read(p).contains("import org.ahibridge.emulator.")).map(Path::toString).toList();
        }
        assertThat(users).isEmpty();
    }

    private static Stream<String> imports(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList().stream()
                    .flatMap(p -> read(p).lines().filter(l -> l.startsWith("import ")).map(l -> p + ": " + l));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
