package org.ahibridge.dicom.codec;

import java.util.Optional;

/**
 * Finds the installed lossless codecs, once per JVM: the HTJ2K encoder ({@code ojph_compress}, package
 * {@code openjph-tools}), the JPEG 2000 encoder ({@code opj_compress}, package {@code libopenjp2-tools})
 * and the decoder of both ({@code libopenjp2} 2.5 through JNA, package {@code libopenjp2-7}). What is
 * missing is reported with the Debian package that provides it, so callers can say what to install.
 */
public final class FrameCodecs {

    private FrameCodecs() {
    }

    /** The encoder of a format, when its tool is installed. */
    public static Optional<FrameEncoder> encoder(LosslessFormat format) {
        return Optional.ofNullable(format == LosslessFormat.HTJ2K ? Found.HTJ2K : Found.JPEG_2000);
    }

    /** The JPEG 2000 / HTJ2K decoder, when libopenjp2 2.5 or later can be loaded. */
    public static Optional<FrameDecoder> decoder() {
        return Optional.ofNullable(Found.DECODER);
    }

    /** What provides the encoder of a format, for a message saying what to install. */
    public static String encoderRequirement(LosslessFormat format) {
        return format == LosslessFormat.HTJ2K ? "ojph_compress (Debian package openjph-tools)"
                : "opj_compress (Debian package libopenjp2-tools)";
    }

    /** What provides the decoder, for a message saying what to install. */
    public static String decoderRequirement() {
        return "libopenjp2 2.5 or later (Debian package libopenjp2-7)";
    }

    /** Looked up on first use; the lookups start processes or load a library, so they run once. */
    private static final class Found {
        static final FrameEncoder HTJ2K = encoder(CodecTool.find("ojph_compress", "openjph-tools"), true);
        static final FrameEncoder JPEG_2000 = encoder(CodecTool.find("opj_compress", "libopenjp2-tools"), false);
        static final FrameDecoder DECODER = OpenJpegDecoder.load();

        private static FrameEncoder encoder(CodecTool tool, boolean htj2k) {
            if (tool == null) {
                return null;
            }
            return htj2k ? new OpenJphEncoder(tool) : new OpenJpegToolEncoder(tool);
        }
    }
}
