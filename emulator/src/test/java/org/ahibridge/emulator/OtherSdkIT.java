package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.ahibridge.dicom.testing.Prerequisite;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.emulator.junit.EmulatorExtension;

/**
 * Another AWS SDK than Java's: boto3 (Python), with host prefix injection off, skipped where boto3 is missing.
 * A boto3 that knows importConfiguration (1.43 and later) also sends it and reads it back in its own shapes.
 */
@Requires(OtherSdkIT.Boto3.class)
@ExtendWith(EmulatorExtension.class)
class OtherSdkIT {

    @Test
    void shouldServeBoto3(EmulatorEndpoints endpoints) throws Exception {
        Process process = new ProcessBuilder("python3", Path.of("src", "test", "resources", "emulator",
                "boto3_smoke.py").toString(), endpoints.ahi().toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.print(output); // says whether this boto3 was new enough for the importConfiguration checks
        assertThat(output).contains("BOTO3-OK");
        assertThat(process.exitValue()).isZero();
    }

    /** python3 with boto3 on the PATH. */
    public static final class Boto3 implements Prerequisite {

        private Optional<String> missing;

        @Override
        public synchronized Optional<String> missing() {
            if (missing == null) {
                missing = importsBoto3() ? Optional.empty()
                        : Optional.of("python3 with boto3 is not installed (sudo apt-get install python3-boto3)");
            }
            return missing;
        }

        private static boolean importsBoto3() {
            try {
                Process process = new ProcessBuilder("python3", "-c", "import boto3.session").redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
            } catch (Exception e) {
                return false;
            }
        }
    }
}
