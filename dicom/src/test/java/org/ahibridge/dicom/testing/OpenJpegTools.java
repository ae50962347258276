package org.ahibridge.dicom.testing;

import java.util.Optional;

/** OpenJPEG's command-line tools: a JPEG 2000 encoder, and a decoder independent of the project's code. */
public final class OpenJpegTools implements Prerequisite {

    @Override
    public Optional<String> missing() {
        return ExternalTool.installed("opj_compress") && ExternalTool.installed("opj_decompress") ? Optional.empty()
                : Optional.of("OpenJPEG's tools are not installed (sudo apt-get install libopenjp2-tools)");
    }

    @Override
    public boolean mustNotSkip() {
        return Prerequisite.requiredBy(REQUIRE_TOOLS);
    }
}
