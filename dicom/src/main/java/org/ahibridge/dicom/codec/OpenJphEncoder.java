package org.ahibridge.dicom.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * HTJ2K lossless with RPCL progression (transfer syntax 1.2.840.10008.1.2.4.202) through OpenJPH's
 * {@code ojph_compress} (Debian package {@code openjph-tools}), one bounded process per frame.
 * OpenJPH is the HTJ2K reference implementation by the codec's co-author and is maintained; it is C++,
 * so its command-line tool, not JNA, is the way to reach it.
 *
 * <p>Each frame goes to the tool as a raw planar file ({@code .yuv}): samples of the coded precision
 * ({@link NativeSamples#precision}), one byte each up to 8 bits, else two, little endian. OpenJPH 0.9
 * reads raw samples as unsigned only, so signed samples are offset by 2^(precision-1) and the
 * codestream's Ssiz bits set afterwards ({@link Codestreams#markSigned}), which yields the codestream a
 * signed encoder would write. YBR_RCT frames go as a PPM file instead, the one input the tool applies
 * the reversible colour transform to. The tool writes no TLM marker; {@link Codestreams#withTlm} adds it.
 */
final class OpenJphEncoder implements FrameEncoder {

    private final CodecTool tool;

    OpenJphEncoder(CodecTool tool) {
        this.tool = tool;
    }

    @Override
    public LosslessFormat format() {
        return LosslessFormat.HTJ2K;
    }

    @Override
    public byte[] encode(byte[] frame, FrameLayout layout) throws CodecException {
        int precision = NativeSamples.precision(frame, layout);
        boolean colourTransform = layout.reversibleColourTransform();
        if (colourTransform && layout.signed()) {
            throw new CodecException("YBR_RCT with signed samples has no colour-transformed input for ojph_compress");
        }
        try (ScratchDirectory scratch = new ScratchDirectory("ahibridge-htj2k")) {
            List<String> arguments = new ArrayList<>();
            if (colourTransform) {
                String header = "P6\n" + layout.columns() + " " + layout.rows() + "\n" + ((1 << precision) - 1) + "\n";
                scratch.write("frame.ppm", out -> {
                    out.write(header.getBytes(StandardCharsets.US_ASCII));
                    NativeSamples.writeInterleavedBigEndian(frame, layout, precision, out);
                });
                arguments.addAll(List.of("-i", "frame.ppm", "-colour_trans", "true"));
            } else {
                scratch.write("frame.yuv", out -> NativeSamples.writePlanar(frame, layout, precision, true, out));
                int components = layout.samplesPerPixel();
                arguments.addAll(List.of("-i", "frame.yuv",
                        "-dims", "{" + layout.columns() + "," + layout.rows() + "}",
                        "-num_comps", Integer.toString(components),
                        "-signed", repeat("false", components),
                        "-bit_depth", repeat(Integer.toString(precision), components),
                        "-downsamp", repeat("{1,1}", components)));
            }
            arguments.addAll(List.of("-o", "frame.j2c", "-reversible", "true", "-prog_order", "RPCL",
                    "-num_decomps", Integer.toString(layout.waveletLevels())));
            tool.run(scratch.path(), arguments);
            byte[] codestream = scratch.read("frame.j2c");
            if (layout.signed()) {
                codestream = Codestreams.markSigned(codestream);
            }
            return Codestreams.withTlm(codestream);
        }
    }

    private static String repeat(String value, int times) {
        return String.join(",", Collections.nCopies(times, value));
    }
}
