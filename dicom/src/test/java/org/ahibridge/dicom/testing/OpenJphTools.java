package org.ahibridge.dicom.testing;

import java.util.Optional;

/** OpenJPH's command-line tools: the HTJ2K encoder the emulator stores frames with, and a decoder. */
public final class OpenJphTools implements Prerequisite {

    @Override
    public Optional<String> missing() {
        return ExternalTool.installed("ojph_compress") && ExternalTool.installed("ojph_expand") ? Optional.empty()
                : Optional.of("OpenJPH's tools are not installed (sudo apt-get install openjph-tools)");
    }

    @Override
    public boolean mustNotSkip() {
        return Prerequisite.requiredBy(REQUIRE_TOOLS);
    }
}
