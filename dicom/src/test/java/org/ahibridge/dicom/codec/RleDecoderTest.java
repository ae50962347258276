package org.ahibridge.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.testing.CorpusFiles;
import org.ahibridge.dicom.testing.ExternalTool;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.Requires;

/**
 * The RLE decoder against dcmtk's {@code dcmdrle}: every RLE file of the corpora (dcmtk's and pydicom's)
 * is decompressed by dcmdrle, and each frame the project decodes, in the Planar Configuration dcmdrle
 * wrote, must equal dcmdrle's frame byte for byte.
 */
class RleDecoderTest {

    @TempDir
    Path temp;

    static Stream<Path> rleFiles() {
        return CorpusFiles.all().stream().filter(RleDecoderTest::isRle);
    }

    private static boolean isRle(Path file) {
        try {
            return TransferSyntax.RLE_LOSSLESS.equals(CorpusFiles.read(file).transferSyntaxUid());
        } catch (Exception e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rleFiles")
    @Requires(Dcmtk.class) // writes part of the corpus, and dcmdrle is the reference
    void shouldDecodeEachFrameAsDcmdrleDoes(Path file) throws Exception {
        Assumptions.assumeTrue(ExternalTool.installed("dcmdrle"), "dcmdrle is not installed (Debian package dcmtk)");
        DicomFile source = CorpusFiles.read(file);
        FrameLayout layout = FrameLayout.of(source.dataset());
        Assumptions.assumeTrue(layout.unsupportedReason() == null, "the decoder does not take " + layout);
        Path decompressed = temp.resolve("native.dcm");
        ExternalTool.Result result = ExternalTool.run("dcmdrle", file.toString(), decompressed.toString());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        DicomFile reference = CorpusFiles.read(decompressed);
        FrameLayout referenceLayout = FrameLayout.of(reference.dataset());
        byte[] pixels = reference.dataset().getBytes(Tags.PIXEL_DATA);
        List<byte[]> fragments = source.dataset().get(Tags.PIXEL_DATA).fragments();
        int frames = fragments.size() - 1;
        int size = (int) referenceLayout.frameBytes();

        for (int f = 0; f < frames; f++) {
            assertThat(RleDecoder.decode(fragments.get(f + 1), referenceLayout)).as("frame %d", f + 1)
                    .isEqualTo(Arrays.copyOfRange(pixels, f * size, (f + 1) * size));
        }
    }

    @Test
    void shouldGiveAReasonForAFrameThatDoesNotMatchItsLayout() {
        byte[] header = new byte[64];
        header[0] = 2;
        header[4] = 64;
        assertThatThrownBy(() -> RleDecoder.decode(header, FrameLayout.monochrome(2, 2, 8, 8, false)))
                .isInstanceOf(CodecException.class).hasMessageContaining("declares 2 segments, the layout needs 1");
        header[0] = 1;
        assertThatThrownBy(() -> RleDecoder.decode(header, FrameLayout.monochrome(2, 2, 8, 8, false)))
                .isInstanceOf(CodecException.class).hasMessageContaining("ends after 0 of its 4 bytes");
        assertThatThrownBy(() -> RleDecoder.decode(new byte[10], FrameLayout.monochrome(2, 2, 8, 8, false)))
                .isInstanceOf(CodecException.class).hasMessageContaining("fewer than its 64-byte header");
    }

    @Test
    void shouldUnpackLiteralAndRepeatRuns() throws Exception {
        byte[] frame = new byte[64 + 6];
        frame[0] = 1;
        frame[4] = 64;
        // literal run of 2 (n=1): 5, 6; repeat run of 3 (n=-2): 9; a no-op (-128)
        byte[] segment = {1, 5, 6, -2, 9, -128};
        System.arraycopy(segment, 0, frame, 64, segment.length);
        assertThat(RleDecoder.decode(frame, FrameLayout.monochrome(1, 5, 8, 8, false)))
                .containsExactly(5, 6, 9, 9, 9);
    }
}
