package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code export} command's default datastore {@code local} is the embedded default (docs/design.md §5):
 * with no {@code local} registration it is served by the in-process emulator under
 * {@code ahibridge.embedded.data-dir}; with the embedded default switched off the run stops with the
 * registered names.
 */
class ExportEmbeddedDefaultIT {

    @TempDir
    Path temp;

    @Test
    void shouldServeTheLocalDatastoreFromTheEmbeddedEmulator() throws IOException {
        Path config = config(true);

        EmulatedAhi.Run run = EmulatedAhi.export("--destination", "file:" + temp.resolve("out"), "--once",
                "--config", config.toString());

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.summary().get("datastore").asText()).isEqualTo("local");
        assertThat(run.summary().get("outcomes").get("FAILED").asInt()).isZero();
        try (var state = Files.list(temp.resolve("emulator"))) {
            assertThat(state).isNotEmpty();
        }
    }

    @Test
    void shouldStopWhenLocalIsNeitherRegisteredNorEmbedded() throws IOException {
        Path config = config(false);

        EmulatedAhi.Run run = EmulatedAhi.export("--destination", "file:" + temp.resolve("out"), "--once",
                "--config", config.toString());

        assertThat(run.status()).as("a configuration error, as for import").isEqualTo(2);
        assertThat(run.stderr()).contains("local");
        assertThat(temp.resolve("emulator")).doesNotExist();
    }

    private Path config(boolean embedded) throws IOException {
        Path file = temp.resolve("application.yaml");
        Files.writeString(file, String.join("\n",
                "ahibridge:",
                "  embedded:",
                "    enabled: " + embedded,
                "    data-dir: " + temp.resolve("emulator"),
                "  audit:",
                "    directory: " + temp.resolve("audit"),
                "  ledger:",
                "    url: jdbc:h2:file:" + temp.resolve("ledger").resolve("ledger")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                ""));
        return file;
    }
}
