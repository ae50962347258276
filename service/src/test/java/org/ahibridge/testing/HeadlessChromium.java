package org.ahibridge.testing;

import java.util.Optional;

import org.ahibridge.dicom.testing.ExternalTool;
import org.ahibridge.dicom.testing.Prerequisite;

/**
 * For {@code @Requires}: Debian's Chromium, run headless to load the status page as a browser does. CI installs
 * it ({@code .ci/run}) and fails without it.
 */
public final class HeadlessChromium implements Prerequisite {

    @Override
    public Optional<String> missing() {
        return ExternalTool.installed("chromium") ? Optional.empty()
                : Optional.of("chromium is not installed, no browser test of the status page (sudo apt-get install chromium)");
    }

    @Override
    public boolean mustNotSkip() {
        return Prerequisite.requiredBy(REQUIRE_TOOLS);
    }
}
