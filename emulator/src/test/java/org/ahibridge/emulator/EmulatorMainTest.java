package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {

    @ParameterizedTest
    @ValueSource(strings = {"--port abc", "--port 70000", "--s3-port", "--bogus 1", "--latency 10", "--latency -1ms",
            "--latency 61s", "--latency 10parsecs", "--dicomweb-port -1", "--dicomweb-port"})
    void shouldExitWithUsageErrorForBadArguments(String args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = EmulatorMain.run("emulator", args.split(" "), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(EmulatorMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    @Test
    void shouldReadLatenciesWithTheirUnits() {
        assertThat(EmulatorMain.latency("10ms")).isEqualTo(Duration.ofMillis(10));
        assertThat(EmulatorMain.latency("0.5ms")).isEqualTo(Duration.ofNanos(500_000));
        assertThat(EmulatorMain.latency("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(EmulatorMain.latency("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(EmulatorMain.latency("0")).isEqualTo(Duration.ZERO);
        assertThat(EmulatorMain.latency("0ms")).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldPrintUsageOnHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = EmulatorMain.run("emulator", new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--data-dir", "--dicomweb-port N", "--latency");
    }
}
