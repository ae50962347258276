package org.ahibridge.dicom.testing;

import java.util.Optional;

/** dicom3tools' {@code dciodvfy}, which checks written files against the IODs of the standard. */
public final class Dicom3tools implements Prerequisite {

    @Override
    public Optional<String> missing() {
        return ExternalTool.installed("dciodvfy") ? Optional.empty()
                : Optional.of("dicom3tools is not installed, no dciodvfy check (sudo apt-get install dicom3tools)");
    }

    @Override
    public boolean mustNotSkip() {
        return Prerequisite.requiredBy(REQUIRE_TOOLS);
    }
}
