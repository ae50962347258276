package org.ahibridge.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.codec.LosslessFormat;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder;
import org.ahibridge.dicom.testing.Prerequisite;

/**
 * The codecs with which the emulator stores frames as AWS does and decodes them again (the HTJ2K and JPEG 2000
 * encoders, libopenjp2), and OpenJPEG's {@code opj_decompress}, the independent decoder tests check them with.
 */
public final class LosslessCodecs implements Prerequisite {

    @Override
    public Optional<String> missing() {
        List<String> absent = new ArrayList<>();
        for (LosslessFormat format : LosslessFormat.values()) {
            if (FrameCodecs.encoder(format).isEmpty()) {
                absent.add(FrameCodecs.encoderRequirement(format));
            }
        }
        if (FrameCodecs.decoder().isEmpty()) {
            absent.add(FrameCodecs.decoderRequirement());
        }
        if (!IndependentJ2kDecoder.Tool.OPJ_DECOMPRESS.installed()) {
            absent.add(IndependentJ2kDecoder.Tool.OPJ_DECOMPRESS.missing());
        }
        return absent.isEmpty() ? Optional.empty() : Optional.of("missing: " + String.join(", ", absent));
    }

    @Override
    public boolean mustNotSkip() {
        return Prerequisite.requiredBy(REQUIRE_TOOLS);
    }
}
