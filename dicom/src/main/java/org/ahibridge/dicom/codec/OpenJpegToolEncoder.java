package org.ahibridge.dicom.codec;

import java.util.List;

/**
 * JPEG 2000 lossless (transfer syntax 1.2.840.10008.1.2.4.90) through OpenJPEG's {@code opj_compress}
 * (Debian package {@code libopenjp2-tools}), one bounded process per frame. OpenJPEG is the reference
 * JPEG 2000 implementation and is maintained. Its C API could encode through JNA too, but its
 * compression parameters are a large struct whose layout would have to be mirrored field by field;
 * the tool takes the same parameters as words.
 *
 * <p>The frame goes as a raw planar little endian file ({@code .rawl}) of the coded precision, signed or
 * not, with the 5/3 reversible wavelet, RPCL progression, the reversible colour transform for YBR_RCT
 * only, and {@link FrameLayout#waveletLevels()} decomposition levels.
 */
final class OpenJpegToolEncoder implements FrameEncoder {

    private final CodecTool tool;

    OpenJpegToolEncoder(CodecTool tool) {
        this.tool = tool;
    }

    @Override
    public LosslessFormat format() {
        return LosslessFormat.JPEG_2000;
    }

    @Override
    public byte[] encode(byte[] frame, FrameLayout layout) throws CodecException {
        int precision = NativeSamples.precision(frame, layout);
        try (ScratchDirectory scratch = new ScratchDirectory("ahibridge-j2k")) {
            scratch.write("frame.rawl", out -> NativeSamples.writePlanar(frame, layout, precision, false, out));
            String format = layout.columns() + "," + layout.rows() + "," + layout.samplesPerPixel() + "," + precision
                    + ","
                    + (layout.signed() ? "s" : "u");
            tool.run(scratch.path(), List.of("-i", "frame.rawl", "-o", "frame.j2k", "-F", format,
                    "-n", Integer.toString(layout.waveletLevels() + 1), "-p", "RPCL",
                    "-mct", layout.reversibleColourTransform() ? "1" : "0"));
            return scratch.read("frame.j2k");
        }
    }
}
