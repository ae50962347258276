package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.testing.CorpusFiles;
import org.ahibridge.dicom.testing.DatasetDiff;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.Dicom3tools;
import org.ahibridge.dicom.testing.ExternalTool;
import org.ahibridge.dicom.testing.OpenJpegLibrary;
import org.ahibridge.dicom.testing.OpenJphTools;
import org.ahibridge.dicom.testing.Requires;

/**
 * Issue 13 acceptance 3: with {@code --transfer-syntax explicit-vr-little-endian} the export decodes what the
 * emulator stores as AWS does (HTJ2K lossless for native and RLE input, with OpenJPH installed) into native
 * files whose Pixel Data is byte for byte the source's native pixels, that dcmtk reads without an error and
 * dciodvfy finds no error in that the source did not have. A frame stored in a syntax the export does not
 * decode (JPEG baseline, kept as AWS keeps it) is FAILED with the reason, never written in another syntax.
 */
@Requires({Dcmtk.class, OpenJpegLibrary.class, OpenJphTools.class})
class ExportDecodedIT {

    /** Native monochrome 16-bit, RLE multi-frame, big endian RGB: all stored as HTJ2K lossless. */
    static final List<String> DECODED = List.of("ct explicit-le", "mr-multiframe rle", "sc-rgb explicit-be");
    static final String KEPT = "img2dcm jpeg-baseline";

    @RegisterExtension
    static final EmulatedAhi ahi = new EmulatedAhi();
    static final Map<String, Path> SOURCES = new LinkedHashMap<>();
    @TempDir
    static Path temp;
    static EmulatedAhi.Run run;

    @BeforeAll
    static void importAndExportDecoded() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (DcmtkCorpus.Item item : DcmtkCorpus.items()) {
            if (DECODED.contains(item.description()) || KEPT.equals(item.description())) {
                files.put(item.file().getFileName().toString(), Files.readAllBytes(item.file()));
                SOURCES.put(CorpusFiles.read(item.file()).dataset().getString(Tags.SOP_INSTANCE_UID), item.file());
            }
        }
        assertThat(SOURCES).hasSize(DECODED.size() + 1);
        ahi.importFiles(files);
        run = EmulatedAhi.export("--datastore", "test", "--destination", "file:" + temp.resolve("out"), "--once",
                "--transfer-syntax", "explicit-vr-little-endian", "--config", ahi.config(temp, "read").toString());
    }

    @Test
    void shouldDecodeHtj2kIntoTheSourcesNativePixelsByteForByte() throws Exception {
        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.count("EXPORTED")).isEqualTo(DECODED.size());
        List<Path> written = ExportRoundTripIT.exported(temp.resolve("out"));
        assertThat(written).hasSize(DECODED.size());
        for (Path file : written) {
            DicomFile copy = CorpusFiles.read(file);
            Path sourceFile = SOURCES.get(copy.dataset().getString(Tags.SOP_INSTANCE_UID));
            DicomFile source = CorpusFiles.read(sourceFile);
            assertThat(copy.transferSyntaxUid()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            DicomFile nativeSource = ExportedPixels.nativeSource(sourceFile, source);
            assertThat(copy.dataset().getBytes(Tags.PIXEL_DATA)).as(sourceFile.toString())
                    .isEqualTo(nativeSource.dataset().getBytes(Tags.PIXEL_DATA));
            Attributes want = source.dataset().copy();
            Attributes got = copy.dataset().copy();
            want.remove(Tags.PIXEL_DATA);
            got.remove(Tags.PIXEL_DATA);
            assertThat(DatasetDiff.differences(want, got, false)).as(sourceFile.toString()).isEmpty();
            ExternalTool.Result ftest = ExternalTool.run("dcmftest", file.toString());
            assertThat(ftest.stdout()).as("dcmftest " + file).startsWith("yes:");
            ExternalTool.Result dump = ExternalTool.run(false, "dcmdump", "-q", file.toString());
            assertThat(dump.exitCode()).as("dcmdump " + dump.stderr()).isZero();
            assertThat(dump.stderr()).as("dcmdump errors").doesNotContain("E:");
        }
    }

    @Test
    @Requires(Dicom3tools.class)
    void shouldWriteFilesWithNoDciodvfyErrorTheirSourcesDidNotHave() throws Exception {
        for (Path file : ExportRoundTripIT.exported(temp.resolve("out"))) {
            Path source = SOURCES.get(CorpusFiles.read(file).dataset().getString(Tags.SOP_INSTANCE_UID));
            Set<String> after = errors(file);
            after.removeAll(errors(source));
            assertThat(after).as("dciodvfy errors of " + file + " its source " + source + " did not have").isEmpty();
        }
    }

    @Test
    void shouldFailWhatItCannotDecodeWithTheReasonAndCountEveryInstance() throws IOException {
        assertThat(run.count("FAILED")).isEqualTo(1);
        assertThat(run.count("EXPORTED") + run.count("SKIPPED_EXISTS") + run.count("FAILED"))
                .isEqualTo(SOURCES.size()).isEqualTo(run.summary().get("instances").asInt());
        try (Stream<Path> audit = Files.list(temp.resolve("audit"))) {
            String lines = audit.filter(f -> f.getFileName().toString().startsWith("outcomes-")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining());
            assertThat(lines.lines().filter(l -> l.contains("\"FAILED\"")).toList()).singleElement().asString()
                    .contains("JPEG Baseline").contains("--transfer-syntax stored");
        }
    }

    private static Set<String> errors(Path file) throws IOException {
        ExternalTool.Result result = ExternalTool.run("dciodvfy", file.toString());
        return (result.stdout() + result.stderr()).lines().filter(l -> l.startsWith("Error"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
