package org.ahibridge.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.PydicomTestFiles;
import org.ahibridge.dicom.testing.Requires;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader over real files: the dcmtk corpus (every syntax dcmtk writes) and, when installed,
 * pydicom's test files, where the reader must agree with dcmtk on which files are readable Part 10
 * files ({@code dcmftest} and {@code dcmdump}) and on their SOP Instance UID.
 */
class DicomReaderCorpusTest {

    static List<DcmtkCorpus.Item> items() {
        return DcmtkCorpus.items();
    }

    static List<Path> pydicomFiles() throws IOException {
        try (Stream<Path> files = Files.list(PydicomTestFiles.DATA.resolve("test_files"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("items")
    @Requires(Dcmtk.class)
    void shouldReadEveryCorpusFileWithItsPixelData(DcmtkCorpus.Item item) throws IOException {
        DicomFile file = read(item.file(), ReadOptions.full().withKnownSize(Files.size(item.file())));

        assertThat(file.transferSyntaxUid()).isEqualTo(item.transferSyntaxUid());
        Attributes dataset = file.dataset();
        Element pixels = dataset.get(Tags.PIXEL_DATA);
        int frames = dataset.getInt(Tags.NUMBER_OF_FRAMES, 1);
        if (TransferSyntax.isNative(item.transferSyntaxUid())) {
            long expected = (long) dataset.getInt(Tags.ROWS, 0) * dataset.getInt(Tags.COLUMNS, 0)
                    * dataset.getInt(Tags.SAMPLES_PER_PIXEL, 1) * (dataset.getInt(Tags.BITS_ALLOCATED, 8) / 8) * frames;
            assertThat(pixels.bytes()).hasSize((int) expected);
        } else {
            assertThat(pixels.fragments()).hasSizeGreaterThanOrEqualTo(frames + 1);
        }
        if (!item.description().contains("img2dcm")) {
            assertThat(dataset.getSequence(0x00081140)).hasSize(1);
            // Implicit VR has no VR for private elements (PS3.5 §7.1.3): they read as UN bytes.
            assertThat(new String(dataset.getBytes(0x00291011), StandardCharsets.US_ASCII)).isEqualTo("private text");
        }
    }

    @ParameterizedTest
    @MethodSource("items")
    @Requires(Dcmtk.class)
    void shouldStopAtPixelDataInHeaderMode(DcmtkCorpus.Item item) throws IOException {
        DicomFile file = read(item.file(), ReadOptions.header());

        assertThat(file.pixelData().tag()).isEqualTo(Tags.PIXEL_DATA);
        assertThat(file.pixelData().encapsulated()).isEqualTo(!TransferSyntax.isNative(item.transferSyntaxUid()));
        assertThat(file.dataset().contains(Tags.PIXEL_DATA)).isFalse();
        assertThat(file.dataset().getString(Tags.SOP_INSTANCE_UID)).matches("[0-9.]+");
    }

    @ParameterizedTest
    @MethodSource("pydicomFiles")
    @Requires({ Dcmtk.class, PydicomTestFiles.class })
    void shouldAgreeWithDcmtkOnPydicomTestFiles(Path path) throws Exception {
        boolean isPart10 = exec("dcmftest", path.toString()).status == 0;
        Result dump = exec("dcmdump", "-q", "+P", "0008,0018", path.toString());
        ReadOptions options = ReadOptions.full().withKnownSize(Files.size(path));
        if (path.getFileName().toString().equals("meta_missing_tsyntax.dcm")) {
            // dcmtk guesses the syntax; this reader, like AHI, requires (0002,0010).
            assertThatThrownBy(() -> read(path, options)).isInstanceOf(DicomParseException.class)
                    .hasMessageContaining("(0002,0010)");
        } else if (isPart10 && dump.status == 0) {
            DicomFile file = read(path, options);
            Matcher uid = Pattern.compile("\\(0008,0018\\) UI \\[([^\\]]*)\\]").matcher(dump.output);
            String expected = uid.find() ? uid.group(1) : null;
            assertThat(file.dataset().getString(Tags.SOP_INSTANCE_UID)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> read(path, options)).isInstanceOf(DicomParseException.class);
        }
    }

    private static DicomFile read(Path path, ReadOptions options) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return DicomReader.read(new java.io.BufferedInputStream(in), options);
        }
    }

    private record Result(int status, String output) {
    }

    private static Result exec(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
