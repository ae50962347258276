package org.ahibridge.emulator;

import java.util.Optional;

import org.ahibridge.dicom.testing.Prerequisite;

/** The standalone emulator jar ({@code target/emulators/ahi-emulator.jar}), which `mvn package` builds. */
public final class StandaloneEmulatorJar implements Prerequisite {

    @Override
    public Optional<String> missing() {
        return EmulatorProcess.available() ? Optional.empty()
                : Optional.of("the standalone emulator is built by `mvn package` (target/emulators/ahi-emulator.jar)");
    }
}
