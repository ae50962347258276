package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {

    @ParameterizedTest
    @ValueSource(strings = {"--port abc", "--port 70000", "--s3-port", "--bogus 1", "--dicomweb-port -1",
        "--dicomweb-port"})
    void shouldExitWithUsageErrorForBadArguments(String args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = EmulatorMain.run("emulator", args.split(" "), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(EmulatorMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    @Test
    void shouldPrintUsageOnHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = EmulatorMain.run("emulator", new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--data-dir", "--dicomweb-port N");
    }
}
