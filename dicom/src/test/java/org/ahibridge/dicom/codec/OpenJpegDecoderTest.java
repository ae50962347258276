package org.ahibridge.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ahibridge.dicom.testing.ExternalTool;
import org.ahibridge.dicom.testing.OpenJpegLibrary;
import org.ahibridge.dicom.testing.Requires;

/**
 * The JNA decoder on codestreams the reference tools wrote themselves ({@code opj_compress},
 * {@code ojph_compress}), so that neither the project's encoders nor its sample conversion produce the
 * input, and on broken input, which must give a reason rather than a crash.
 */
@Requires(OpenJpegLibrary.class)
class OpenJpegDecoderTest {

    static FrameDecoder decoder;
    @TempDir
    Path temp;

    @BeforeAll
    static void decoder() {
        decoder = FrameCodecs.decoder().orElseThrow();
    }

    @Test
    void shouldDecodeAJpeg2000CodestreamOfOpjCompress() throws Exception {
        Assumptions.assumeTrue(ExternalTool.installed("opj_compress"), "opj_compress is not installed (Debian package libopenjp2-tools)");
        byte[] raw = samples16(23, 17, 4095);
        Files.write(temp.resolve("in.rawl"), raw);
        run("opj_compress", "-i", temp.resolve("in.rawl").toString(), "-o", temp.resolve("out.j2k").toString(),
                "-F", "23,17,1,12,u", "-n", "3");
        byte[] codestream = Files.readAllBytes(temp.resolve("out.j2k"));

        assertThat(decoder.decode(codestream, FrameLayout.monochrome(17, 23, 16, 12, false))).isEqualTo(raw);
        DecodedImage image = decoder.decode(codestream);
        assertThat(image.components()).singleElement().satisfies(c -> {
            assertThat(c.precision()).isEqualTo(12);
            assertThat(c.signed()).isFalse();
            assertThat(c.width()).isEqualTo(23);
        });
    }

    @Test
    void shouldDecodeAnHtj2kCodestreamOfOjphCompress() throws Exception {
        Assumptions.assumeTrue(ExternalTool.installed("ojph_compress"), "ojph_compress is not installed (Debian package openjph-tools)");
        byte[] raw = samples16(40, 33, 65535);
        Files.write(temp.resolve("in.yuv"), raw);
        run("ojph_compress", "-i", temp.resolve("in.yuv").toString(), "-o", temp.resolve("out.j2c").toString(),
                "-reversible", "true", "-dims", "{40,33}", "-num_comps", "1", "-signed", "false", "-bit_depth", "16",
                "-downsamp", "{1,1}");
        byte[] codestream = Files.readAllBytes(temp.resolve("out.j2c"));

        assertThat(decoder.decode(codestream, FrameLayout.monochrome(33, 40, 16, 16, false))).isEqualTo(raw);
    }

    @Test
    void shouldDecodeAJp2File() throws Exception {
        Assumptions.assumeTrue(ExternalTool.installed("opj_compress"), "opj_compress is not installed (Debian package libopenjp2-tools)");
        byte[] raw = new byte[12 * 10];
        Arrays.fill(raw, (byte) 77);
        raw[5] = 3;
        Files.write(temp.resolve("in.rawl"), raw);
        run("opj_compress", "-i", temp.resolve("in.rawl").toString(), "-o", temp.resolve("out.jp2").toString(),
                "-F", "12,10,1,8,u", "-n", "3");
        byte[] jp2 = Files.readAllBytes(temp.resolve("out.jp2"));

        assertThat(Codestreams.isJp2(jp2)).isTrue();
        assertThat(decoder.decode(jp2, FrameLayout.monochrome(10, 12, 8, 8, false))).isEqualTo(raw);
    }

    @Test
    void shouldGiveAReasonForInputThatIsNotACodestream() {
        assertThatThrownBy(() -> decoder.decode(new byte[] {1, 2, 3}))
                .isInstanceOf(CodecException.class).hasMessageContaining("not a JPEG 2000 codestream");
    }

    @Test
    void shouldRefuseATruncatedCodestreamInsteadOfDecodingPartOfIt() throws Exception {
        FrameEncoder encoder = FrameCodecs.encoder(LosslessFormat.JPEG_2000).orElse(null);
        Assumptions.assumeTrue(encoder != null, "opj_compress is not installed (Debian package libopenjp2-tools)");
        FrameLayout layout = FrameLayout.monochrome(64, 64, 16, 16, false);
        byte[] codestream = encoder.encode(samples16(64, 64, 65535), layout);

        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(codestream, codestream.length / 2), layout))
                .isInstanceOf(CodecException.class).hasMessageStartingWith("OpenJPEG");
    }

    @Test
    void shouldRefuseACodestreamWhoseComponentsDoNotMatchTheDataSet() throws Exception {
        FrameEncoder encoder = FrameCodecs.encoder(LosslessFormat.HTJ2K).orElse(null);
        Assumptions.assumeTrue(encoder != null, "ojph_compress is not installed (Debian package openjph-tools)");
        byte[] codestream = encoder.encode(new byte[8 * 8], FrameLayout.monochrome(8, 8, 8, 8, false));

        assertThatThrownBy(() -> decoder.decode(codestream, new FrameLayout(8, 8, 3, 8, 8, false, false, "RGB")))
                .isInstanceOf(CodecException.class).hasMessageContaining("1 components, the data set 3");
        assertThatThrownBy(() -> decoder.decode(codestream, FrameLayout.monochrome(8, 9, 8, 8, false)))
                .isInstanceOf(CodecException.class).hasMessageContaining("the data set says 9x8");
    }

    private static byte[] samples16(int width, int height, int max) {
        byte[] raw = new byte[width * height * 2];
        for (int i = 0; i < width * height; i++) {
            int value = (int) ((i * 2654435761L) % (max + 1));
            raw[2 * i] = (byte) value;
            raw[2 * i + 1] = (byte) (value >> 8);
        }
        return raw;
    }

    private static void run(String... command) throws Exception {
        ExternalTool.Result result = ExternalTool.run(command);
        assertThat(result.exitCode()).as(String.join(" ", List.of(command)) + ": " + result.stdout() + result.stderr())
                .isZero();
    }
}
