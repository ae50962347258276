package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;

import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.codec.CodecException;
import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.codec.LosslessFormat;
import org.ahibridge.dicom.codec.NativeSamples;
import org.ahibridge.dicom.testing.CorpusFiles;
import org.ahibridge.dicom.testing.ExternalTool;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder;
import org.ahibridge.dicom.testing.IndependentJ2kDecoder.Tool;

/**
 * What an export of an emulator import must hold, now that the emulator stores frames as AWS does
 * (docs/aws-healthimaging.md §5.2): the export writes the stored syntax, so a native or RLE source comes
 * back as HTJ2K (where the encoder is installed), whose frames {@code opj_decompress} must decode to
 * the source's pixels; frames the emulator keeps come back byte for byte.
 */
final class ExportedPixels {

    private static final Set<String> TRANSCODED_ENCAPSULATED = Set.of(TransferSyntax.RLE_LOSSLESS);

    private ExportedPixels() {
    }

    /** The syntax an exported copy of a source in {@code sourceSyntax} has: the emulator's stored syntax. */
    static String expectedSyntax(String sourceSyntax) {
        boolean transcodable = TransferSyntax.isNative(sourceSyntax) || TRANSCODED_ENCAPSULATED.contains(sourceSyntax);
        if (transcodable && FrameCodecs.encoder(LosslessFormat.HTJ2K).isPresent()) {
            return LosslessFormat.HTJ2K.transferSyntaxUid();
        }
        return TransferSyntax.isNative(sourceSyntax) ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : sourceSyntax;
    }

    /**
     * Asserts that the copy's pixels are the source's: decoded with {@code opj_decompress} and compared
     * sample by sample when the copy is HTJ2K or JPEG 2000 lossless and the source was not (frames
     * {@code independent} of them; the others with the project's decoder, which other tests check
     * against opj_decompress), else byte for byte.
     */
    static void assertSamePixels(DicomFile copy, Path sourceFile, int everyNthIndependently)
            throws IOException, CodecException {
        DicomFile source = CorpusFiles.read(sourceFile);
        String stored = copy.transferSyntaxUid();
        boolean transcoded = !stored.equals(source.transferSyntaxUid())
                && (stored.equals(LosslessFormat.HTJ2K.transferSyntaxUid())
                        || stored.equals(LosslessFormat.JPEG_2000.transferSyntaxUid()));
        if (!transcoded) {
            assertThat(pixelBytes(copy.dataset().get(Tags.PIXEL_DATA))).as("pixel data of " + sourceFile)
                    .isEqualTo(pixelBytes(source.dataset().get(Tags.PIXEL_DATA)));
            return;
        }
        Assumptions.assumeTrue(Tool.OPJ_DECOMPRESS.installed(), Tool.OPJ_DECOMPRESS.missing());
        FrameLayout layout = FrameLayout.of(copy.dataset());
        DicomFile plain = nativeSource(sourceFile, source);
        FrameLayout plainLayout = FrameLayout.of(plain.dataset());
        List<byte[]> expected = frames(plain, plainLayout);
        List<byte[]> fragments = copy.dataset().get(Tags.PIXEL_DATA).fragments();
        assertThat(fragments.size() - 1).as("one fragment per frame of " + sourceFile).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            byte[] codestream = fragments.get(i + 1);
            int[][] want = NativeSamples.planes(expected.get(i), plainLayout);
            if (i % everyNthIndependently == 0) {
                assertThat(IndependentJ2kDecoder.decode(Tool.OPJ_DECOMPRESS, codestream))
                        .as("frame %d of %s", i + 1, sourceFile).isDeepEqualTo(want);
            } else {
                assertThat(FrameCodecs.decoder().orElseThrow().decode(codestream, plainLayout))
                        .as("frame %d of %s", i + 1, sourceFile).isEqualTo(expected.get(i));
            }
        }
    }

    /** The source itself when native, else its native form made by dcmtk's dcmdrle (RLE is what is transcoded). */
    static DicomFile nativeSource(Path sourceFile, DicomFile source) throws IOException {
        if (!TransferSyntax.RLE_LOSSLESS.equals(source.transferSyntaxUid())) {
            return source;
        }
        Path decompressed = Files.createTempFile("dcmdrle", ".dcm");
        try {
            ExternalTool.Result result = ExternalTool.run("dcmdrle", sourceFile.toString(), decompressed.toString());
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            return CorpusFiles.read(decompressed);
        } finally {
            Files.deleteIfExists(decompressed);
        }
    }

    private static List<byte[]> frames(DicomFile plain, FrameLayout layout) {
        byte[] pixels = plain.dataset().getBytes(Tags.PIXEL_DATA);
        int size = (int) layout.frameBytes();
        List<byte[]> frames = new ArrayList<>();
        for (int offset = 0; offset + size <= pixels.length; offset += size) {
            frames.add(Arrays.copyOfRange(pixels, offset, offset + size));
        }
        return frames;
    }

    /** Native Pixel Data as it is, encapsulated Pixel Data as its fragments joined. */
    static byte[] pixelBytes(Element pixels) {
        if (pixels == null) {
            return new byte[0];
        }
        if (!pixels.isEncapsulated()) {
            return pixels.bytes();
        }
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] fragment : pixels.fragments().subList(1, pixels.fragments().size())) {
            all.writeBytes(fragment);
        }
        return all.toByteArray();
    }
}
