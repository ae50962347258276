package org.ahibridge.testing;

import java.util.Optional;

import org.ahibridge.dicom.testing.ExternalTool;
import org.ahibridge.dicom.testing.Prerequisite;

/**
 * For {@code @Requires}: util-linux's {@code script}, which runs a command on a pseudo-terminal of its own (the
 * live progress line is drawn only on a terminal). CI installs it (Debian's bsdutils) and fails without it.
 */
public final class PseudoTerminal implements Prerequisite {

    private static final boolean PRESENT = utilLinuxScript();

    @Override
    public Optional<String> missing() {
        return PRESENT ? Optional.empty()
                : Optional.of("util-linux's script is not installed, no pseudo-terminal (sudo apt-get install bsdutils)");
    }

    @Override
    public boolean mustNotSkip() {
        return Prerequisite.requiredBy(REQUIRE_TOOLS);
    }

    private static boolean utilLinuxScript() {
        if (!ExternalTool.installed("script")) {
            return false;
        }
        try {
            // BSD's and macOS's script take other options; only util-linux's says so in --version.
            return ExternalTool.run("script", "--version").stdout().contains("util-linux");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
