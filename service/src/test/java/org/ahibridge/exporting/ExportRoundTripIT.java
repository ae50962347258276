package org.ahibridge.exporting;

import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.Implementation;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.testing.CorpusFiles;
import org.ahibridge.dicom.testing.DatasetDiff;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.Dicom3tools;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.dicom.testing.ExternalTool;

/**
 * Acceptance 1 (issue 5): corpus files imported into the emulator with StartDICOMImportJob, exported
 * by the {@code export} command to a folder and to S3, and checked against their sources with dcmtk,
 * dciodvfy and an attribute-by-attribute comparison; plus access modes, a crafted-path instance and a
 * second run with {@code never}. The export writes each instance in its stored syntax, so native and
 * RLE sources come back as HTJ2K, whose frames opj_decompress decodes to the source pixels
 * ({@link ExportedPixels}).
 */
@Requires(Dcmtk.class)
class ExportRoundTripIT {

    /** Corpus items with distinct SOP Instance UIDs: native, RLE, JPEG, JPEG-LS, multi-frame. */
    static final List<String> SOURCES = List.of("ct explicit-le", "mr-multiframe rle", "sc-rgb implicit-le",
            "ct jpeg-extended", "mr-multiframe jpeg-ls-near", "sc-rgb jpeg-baseline");

    @RegisterExtension
    static final EmulatedAhi ahi = new EmulatedAhi();
    static Map<String, Path> sourcesBySop = new LinkedHashMap<>();
    static Path config;
    static EmulatedAhi.Run fileRun;
    @TempDir
    static Path temp;

    @BeforeAll
    static void importAndExport() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (DcmtkCorpus.Item item : DcmtkCorpus.items()) {
            if (SOURCES.contains(item.description())) {
                files.put(item.file().getFileName().toString(), Files.readAllBytes(item.file()));
                sourcesBySop.put(CorpusFiles.read(item.file()).dataset().getString(Tags.SOP_INSTANCE_UID), item.file());
            }
        }
        assertThat(sourcesBySop).hasSize(SOURCES.size());
        ahi.importFiles(files);
        config = ahi.config(temp, "read");
        fileRun = EmulatedAhi.export("--datastore", "test", "--destination", "file:" + temp.resolve("out"), "--once",
                "--config", config.toString());
    }


    @Test
    void shouldExportEveryInstanceAndPrintTheSummaryLast() throws IOException {
        assertThat(fileRun.status()).as(fileRun.stderr()).isZero();
        assertThat(fileRun.count("EXPORTED")).isEqualTo(SOURCES.size());
        assertThat(fileRun.count("FAILED")).isZero();
        assertThat(fileRun.count("SKIPPED_EXISTS")).isZero();
        assertThat(exported(temp.resolve("out"))).hasSize(SOURCES.size());
    }

    @Test
    void shouldWriteFilesThatPassTheDicomToolsAndMatchTheirSources() throws Exception {
        for (Path file : exported(temp.resolve("out"))) {
            DicomFile copy = CorpusFiles.read(file);
            String sop = copy.dataset().getString(Tags.SOP_INSTANCE_UID);
            Path source = sourcesBySop.get(sop);
            assertThat(source).as("a source for %s", file).isNotNull();
            assertThat(file.toString()).endsWith(copy.dataset().getString(Tags.STUDY_INSTANCE_UID) + "/"
                    + copy.dataset().getString(Tags.SERIES_INSTANCE_UID) + "/" + sop + ".dcm");
            checkTools(file);
            DicomFile original = CorpusFiles.read(source);
            assertThat(copy.fileMeta().getString(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID)).isEqualTo(sop);
            assertThat(copy.fileMeta().getString(Tags.IMPLEMENTATION_CLASS_UID)).isEqualTo(Implementation.CLASS_UID);
            // The export writes the stored syntax: HTJ2K for native and RLE sources (docs/aws-healthimaging.md §5.2).
            assertThat(copy.transferSyntaxUid()).as(source.toString())
                    .isEqualTo(ExportedPixels.expectedSyntax(original.transferSyntaxUid()));
            Attributes want = original.dataset().copy();
            Attributes got = copy.dataset().copy();
            want.remove(Tags.PIXEL_DATA);
            got.remove(Tags.PIXEL_DATA);
            assertThat(DatasetDiff.differences(want, got, false)).as(source.toString()).isEmpty();
            ExportedPixels.assertSamePixels(copy, source, 1);
        }
    }

    @Test
    @Requires(Dicom3tools.class)
    void shouldWriteFilesWithNoDciodvfyErrorTheirSourcesDidNotHave() throws Exception {
        for (Path file : exported(temp.resolve("out"))) {
            Path source = sourcesBySop.get(CorpusFiles.read(file).dataset().getString(Tags.SOP_INSTANCE_UID));
            Set<String> after = errors(readableByDciodvfy(file));
            after.removeAll(errors(source));
            assertThat(after).as("dciodvfy errors of " + file + " its source " + source + " did not have").isEmpty();
        }
    }

    @Test
    void shouldWriteTheSameBytesToS3() throws Exception {
        EmulatedAhi.Run run = EmulatedAhi.export("--datastore", "test", "--destination",
                "s3://export-bucket/exports/", "--once", "--config", config.toString());

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.count("EXPORTED")).isEqualTo(SOURCES.size());
        for (Path file : exported(temp.resolve("out"))) {
            String key = "exports/" + temp.resolve("out").relativize(file).toString().replace('\\', '/');
            byte[] object = ahi.s3.getObjectAsBytes(b -> b.bucket("export-bucket").key(key)).asByteArray();
            assertThat(object).as(key).isEqualTo(Files.readAllBytes(file));
        }
        EmulatedAhi.Run again = EmulatedAhi.export("--datastore", "test", "--destination",
                "s3://export-bucket/exports/", "--once", "--config", config.toString(), "--overwrite", "if-different");
        assertThat(again.count("SKIPPED_EXISTS")).as("same size and ETag = MD5").isEqualTo(SOURCES.size());
    }

    @Test
    void shouldSkipWhatExistsOnASecondRunWithNever() {
        Path dir = temp.resolve("twice");
        String[] args = {"--datastore", "test", "--destination", "file:" + dir, "--once", "--config", config.toString(),
                "--overwrite", "never"};
        assertThat(EmulatedAhi.export(args).count("EXPORTED")).isEqualTo(SOURCES.size());

        EmulatedAhi.Run second = EmulatedAhi.export(args);

        assertThat(second.count("SKIPPED_EXISTS")).isEqualTo(SOURCES.size());
        assertThat(second.count("EXPORTED")).isZero();
        EmulatedAhi.Run different = EmulatedAhi.export("--datastore", "test", "--destination", "file:" + dir,
                "--once", "--config", config.toString(), "--overwrite", "if-different");
        assertThat(different.count("SKIPPED_EXISTS")).as("identical content is kept").isEqualTo(SOURCES.size());
    }

    @Test
    void shouldExportOnlyTheSelectedSeries() throws IOException {
        Path mr = sourcesBySop.values().stream().filter(p -> p.toString().contains("mr-multiframe-rle")).findFirst()
                .orElseThrow();
        String series = CorpusFiles.read(mr).dataset().getString(Tags.SERIES_INSTANCE_UID);

        EmulatedAhi.Run run = EmulatedAhi.export("--datastore", "test", "--destination", "file:" + temp.resolve("mr"),
                "--once", "--config", config.toString(), "--series-uid", series, "--primary-only");
        EmulatedAhi.Run nobody = EmulatedAhi.export("--datastore", "test", "--destination",
                "file:" + temp.resolve("nobody"), "--once", "--config", config.toString(), "--patient-id", "nobody");

        long inSeries = sourcesBySop.values().stream().filter(p -> p.toString().contains("mr-multiframe")).count();
        assertThat(inSeries).isEqualTo(2);
        assertThat(run.count("EXPORTED")).isEqualTo(2);
        assertThat(exported(temp.resolve("mr"))).hasSize(2).allSatisfy(f -> assertThat(f.toString()).contains(series));
        assertThat(nobody.count("EXPORTED")).isZero();
        assertThat(nobody.summary().path("imageSets").asInt()).isZero();
    }

    @Test
    void shouldResumeIncrementalRunsFromThePersistedWatermark() {
        String[] args = {"--datastore", "test", "--destination", "file:" + temp.resolve("incremental"), "--once",
                "--config", config.toString(), "--incremental"};
        EmulatedAhi.Run first = EmulatedAhi.export(args);
        EmulatedAhi.Run second = EmulatedAhi.export(args);
        EmulatedAhi.Run future = EmulatedAhi.export("--datastore", "test", "--destination",
                "file:" + temp.resolve("future"), "--once", "--config", config.toString(), "--updated-since",
                "2999-01-01T00:00:00Z");

        assertThat(first.count("EXPORTED")).isEqualTo(SOURCES.size());
        assertThat(first.summary().get("watermark").asText()).isNotBlank();
        assertThat(second.summary().get("imageSets").asInt()).isPositive()
                .isLessThanOrEqualTo(first.summary().get("imageSets").asInt());
        assertThat(second.count("EXPORTED")).as("only image sets at the watermark come back, and they exist").isZero();
        assertThat(future.summary().get("imageSets").asInt()).isZero();
    }

    @Test
    void shouldRefuseAWriteOnlyDatastoreBeforeAnyDataMoves() throws IOException {
        Path writeOnly = ahi.config(temp, "write");

        EmulatedAhi.Run run = EmulatedAhi.export("--datastore", "test", "--destination", "file:" + temp.resolve("no"),
                "--once", "--config", writeOnly.toString());

        assertThat(run.status()).as("a configuration error, as for import").isEqualTo(2);
        assertThat(run.stderr()).contains("datastore 'test'").contains("write-only");
        assertThat(temp.resolve("no")).doesNotExist();
        EmulatedAhi.Run unknown = EmulatedAhi.export("--datastore", "nope", "--destination", "file:" + temp.resolve("no"),
                "--once", "--config", writeOnly.toString());
        assertThat(unknown.status()).as("a configuration error, as for import").isEqualTo(2);
        assertThat(unknown.stderr()).contains("no datastore named 'nope'");
    }

    @Test
    void shouldRejectUsageErrorsWithStatusTwo() {
        assertThat(EmulatedAhi.export("--destination", "file:x").status()).isEqualTo(2);
        assertThat(EmulatedAhi.export("--once", "--destination", "file:x", "--overwrite", "sometimes").status())
                .isEqualTo(2);
        assertThat(EmulatedAhi.export("--once", "--destination", "file:x", "--template", "../{SOPInstanceUID}")
                .status()).isEqualTo(2);
    }

    private static void checkTools(Path exported) throws IOException {
        ExternalTool.Result ftest = ExternalTool.run("dcmftest", exported.toString());
        assertThat(ftest.stdout()).as("dcmftest " + exported).startsWith("yes:");
        ExternalTool.Result dump = ExternalTool.run(false, "dcmdump", "-q", exported.toString());
        assertThat(dump.exitCode()).as("dcmdump " + dump.stderr()).isZero();
        assertThat(dump.stderr()).as("dcmdump errors").doesNotContain("E:");
    }

    /**
     * The file, or for an HTJ2K file a copy that names JPEG 2000 Lossless instead: dicom3tools of 2022
     * predates the HTJ2K transfer syntaxes (2023) and reads such a file as native ("Undefined value length
     * ... in non-encapsulated transfer syntax"). Both syntaxes encode the data set alike (explicit VR
     * little endian, encapsulated Pixel Data), so the copy checks everything but the UID itself.
     */
    private static Path readableByDciodvfy(Path exported) throws IOException {
        DicomFile file = CorpusFiles.read(exported);
        if (!file.transferSyntaxUid().startsWith("1.2.840.10008.1.2.4.20")) {
            return exported;
        }
        Path copy = exported.resolveSibling(exported.getFileName() + ".as-j2k");
        try (var out = Files.newOutputStream(copy)) {
            org.ahibridge.dicom.DicomWriter.write(out, file.fileMeta(), file.dataset(), "1.2.840.10008.1.2.4.90");
        }
        return copy;
    }

    private static Set<String> errors(Path file) throws IOException {
        ExternalTool.Result result = ExternalTool.run("dciodvfy", file.toString());
        return (result.stdout() + result.stderr()).lines().filter(l -> l.startsWith("Error"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static List<Path> exported(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList());
        }
    }
}
