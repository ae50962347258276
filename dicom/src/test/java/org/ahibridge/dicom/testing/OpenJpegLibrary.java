package org.ahibridge.dicom.testing;

import java.util.Optional;

import org.ahibridge.dicom.codec.FrameCodecs;

/** OpenJPEG's library, through which the project decodes HTJ2K and JPEG 2000 frames (JNA). */
public final class OpenJpegLibrary implements Prerequisite {

    @Override
    public Optional<String> missing() {
        return FrameCodecs.decoder().isPresent() ? Optional.empty()
                : Optional.of("libopenjp2 cannot be loaded (sudo apt-get install libopenjp2-7)");
    }

    @Override
    public boolean mustNotSkip() {
        return Prerequisite.requiredBy(REQUIRE_TOOLS);
    }
}
