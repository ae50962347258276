package org.ahibridge.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.ahibridge.dicom.testing.IndependentJ2kDecoder;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder.Tool;

/**
 * Both lossless encoders against an independent decoder: every layout the codecs take is encoded, then
 * decoded by {@code opj_decompress} (and, for unsigned monochrome HTJ2K frames, by {@code ojph_expand}) and
 * compared sample by sample with the source, and by the project's own decoder and compared byte by byte.
 */
class LosslessEncodersTest {

    static Stream<Arguments> layouts() {
        return Stream.of(LosslessFormat.values()).flatMap(format -> Stream.of(
                Arguments.of(format, "8-bit unsigned", FrameLayout.monochrome(37, 53, 8, 8, false), Fill.FULL),
                Arguments.of(format, "12 of 16 bits unsigned", FrameLayout.monochrome(64, 48, 16, 12, false), Fill.FULL),
                Arguments.of(format, "12 of 16 bits signed", FrameLayout.monochrome(40, 30, 16, 12, true), Fill.FULL),
                Arguments.of(format, "16-bit signed", FrameLayout.monochrome(31, 33, 16, 16, true), Fill.FULL),
                Arguments.of(format, "16-bit unsigned", FrameLayout.monochrome(16, 16, 16, 16, false), Fill.FULL),
                Arguments.of(format, "8-bit signed", FrameLayout.monochrome(9, 7, 8, 8, true), Fill.FULL),
                Arguments.of(format, "bits above Bits Stored", FrameLayout.monochrome(20, 20, 16, 12, false), Fill.OVERLAY),
                Arguments.of(format, "signed without sign extension", FrameLayout.monochrome(20, 20, 16, 12, true),
                        Fill.UNEXTENDED),
                Arguments.of(format, "1x1", FrameLayout.monochrome(1, 1, 16, 16, false), Fill.FULL),
                Arguments.of(format, "3x3", FrameLayout.monochrome(3, 3, 8, 8, false), Fill.FULL),
                Arguments.of(format, "RGB interleaved", new FrameLayout(21, 19, 3, 8, 8, false, false, "RGB"), Fill.FULL),
                Arguments.of(format, "RGB planar", new FrameLayout(21, 19, 3, 8, 8, false, true, "RGB"), Fill.FULL),
                Arguments.of(format, "RGB 16-bit", new FrameLayout(12, 10, 3, 16, 16, false, false, "RGB"), Fill.FULL),
                Arguments.of(format, "YBR_FULL", new FrameLayout(12, 10, 3, 8, 8, false, false, "YBR_FULL"), Fill.FULL),
                Arguments.of(format, "YBR_RCT", new FrameLayout(12, 10, 3, 8, 8, false, false, "YBR_RCT"), Fill.FULL)));
    }

    enum Fill {
        /** Random values across Bits Stored, signed ones sign-extended into the container. */
        FULL,
        /** Unsigned values with a bit above Bits Stored set in some samples (an overlay in unused bits). */
        OVERLAY,
        /** Negative values of Bits Stored whose sign is not extended into the container's upper bits. */
        UNEXTENDED
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("layouts")
    void shouldEncodeLosslesslyForAnIndependentDecoder(LosslessFormat format, String name, FrameLayout layout, Fill fill)
            throws Exception {
        FrameEncoder encoder = encoder(format);
        Assumptions.assumeTrue(Tool.OPJ_DECOMPRESS.installed(), Tool.OPJ_DECOMPRESS.missing());
        byte[] frame = frame(layout, fill, name.hashCode());
        byte[] codestream = encoder.encode(frame, layout);

        int[][] expected = NativeSamples.planes(frame, layout);
        assertThat(IndependentJ2kDecoder.decode(Tool.OPJ_DECOMPRESS, codestream)).isDeepEqualTo(expected);
        if (format == LosslessFormat.HTJ2K && layout.samplesPerPixel() == 1 && !layout.signed()
                && Tool.OJPH_EXPAND.installed()) {
            assertThat(IndependentJ2kDecoder.decode(Tool.OJPH_EXPAND, codestream)).isDeepEqualTo(expected);
        }
        FrameDecoder decoder = FrameCodecs.decoder().orElse(null);
        if (decoder != null) {
            assertThat(decoder.decode(codestream, layout)).isEqualTo(frame);
        }
    }

    @ParameterizedTest
    @EnumSource(LosslessFormat.class)
    void shouldWriteTheCodestreamTheStorageFormatNames(LosslessFormat format) throws Exception {
        FrameLayout layout = FrameLayout.monochrome(64, 64, 16, 12, true);
        byte[] codestream = encoder(format).encode(frame(layout, Fill.FULL, 7), layout);

        IndependentJ2kDecoder.Siz siz = IndependentJ2kDecoder.Siz.of(codestream);
        assertThat(siz.width()).isEqualTo(64);
        assertThat(siz.precision()).containsExactly(12);
        assertThat(siz.signed()).containsExactly(true);
        assertThat(IndependentJ2kDecoder.progressionOrder(codestream)).as("RPCL").isEqualTo(2);
        boolean htj2k = format == LosslessFormat.HTJ2K;
        assertThat(IndependentJ2kDecoder.mainHeaderHas(codestream, 0xFF50)).as("CAP marker (Part 15)").isEqualTo(htj2k);
        if (htj2k) {
            assertThat(IndependentJ2kDecoder.mainHeaderHas(codestream, 0xFF55)).as("TLM marker").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(LosslessFormat.class)
    void shouldApplyTheColourTransformOnlyForYbrRct(LosslessFormat format) throws Exception {
        FrameEncoder encoder = encoder(format);
        FrameLayout rgb = new FrameLayout(8, 8, 3, 8, 8, false, false, "RGB");
        FrameLayout rct = new FrameLayout(8, 8, 3, 8, 8, false, false, "YBR_RCT");
        byte[] frame = frame(rgb, Fill.FULL, 3);

        assertThat(IndependentJ2kDecoder.multipleComponentTransform(encoder.encode(frame, rgb))).isZero();
        assertThat(IndependentJ2kDecoder.multipleComponentTransform(encoder.encode(frame, rct))).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(LosslessFormat.class)
    void shouldRefuseLayoutsTheCodecsDoNotTakeWithTheReason(LosslessFormat format) {
        FrameEncoder encoder = encoder(format);
        assertThatThrownBy(() -> encoder.encode(new byte[400], FrameLayout.monochrome(10, 10, 32, 32, false)))
                .isInstanceOf(CodecException.class).hasMessageContaining("Bits Allocated is 32");
        FrameLayout subsampled = new FrameLayout(10, 10, 3, 8, 8, false, false, "YBR_FULL_422");
        assertThatThrownBy(() -> encoder.encode(new byte[200], subsampled))
                .isInstanceOf(CodecException.class).hasMessageContaining("sub-sampled");
        assertThatThrownBy(() -> encoder.encode(new byte[10], FrameLayout.monochrome(10, 10, 8, 8, false)))
                .isInstanceOf(CodecException.class).hasMessageContaining("fewer than the 100");
    }

    static FrameEncoder encoder(LosslessFormat format) {
        FrameEncoder encoder = FrameCodecs.encoder(format).orElse(null);
        Assumptions.assumeTrue(encoder != null, FrameCodecs.encoderRequirement(format) + " is not installed");
        return encoder;
    }

    /** A frame of random samples that fit the layout as {@code fill} says. */
    static byte[] frame(FrameLayout layout, Fill fill, long seed) throws CodecException {
        Random random = new Random(seed);
        int pixels = layout.rows() * layout.columns();
        int[][] planes = new int[layout.samplesPerPixel()][pixels];
        int bits = layout.bitsStored();
        for (int[] plane : planes) {
            for (int i = 0; i < pixels; i++) {
                int value = random.nextInt(1 << bits);
                if (layout.signed()) {
                    value -= 1 << (bits - 1);
                }
                if (fill == Fill.OVERLAY && i % 7 == 0) {
                    value |= 1 << (layout.bitsAllocated() - 1);
                }
                if (fill == Fill.UNEXTENDED && value < 0) {
                    value &= (1 << bits) - 1;
                }
                plane[i] = value;
            }
        }
        return NativeSamples.frame(planes, layout);
    }
}
