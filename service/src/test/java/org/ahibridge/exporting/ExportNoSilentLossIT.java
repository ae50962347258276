package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.ReadOptions;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.samples.SampleInstance;
import org.ahibridge.samples.SampleStudies;

/**
 * Issue 13 acceptance 2: an export never reports a file it did not write. Six instances in two series and one
 * instance whose Series Instance UID starts with '/' (which a JSON Pointer reading would have dropped) are
 * exported by the command; in every run the counts add up to the instances, EXPORTED equals the files on disk,
 * two instances that resolve to one key are one EXPORTED and the rest FAILED with the reason (never EXPORTED
 * or SKIPPED_EXISTS twice for one key), and a template with an unbalanced brace is a usage error that does not
 * quote it.
 */
class ExportNoSilentLossIT {

    static final String SLASH_SERIES = "/2.25.4242";
    static final int INSTANCES = 7;

    @RegisterExtension
    static final EmulatedAhi ahi = new EmulatedAhi();
    @TempDir
    static Path temp;
    static Path config;

    @BeforeAll
    static void importSamples() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<SampleInstance> samples = SampleStudies.instances(7, 1, 2, 3);
        for (SampleInstance sample : samples) {
            files.put(sample.sopUid() + ".dcm", sample.toBytes());
        }
        files.put("slash.dcm", withSeries(SampleStudies.instances(8, 1, 1, 1).get(0).toBytes(), SLASH_SERIES));
        ahi.importFiles(files);
        config = ahi.config(temp, "read");
    }

    @Test
    void shouldExportTheInstanceWhoseSeriesUidStartsWithASlashAndCountEveryInstance() throws IOException {
        EmulatedAhi.Run run = export("all", "--overwrite", "always");

        assertThat(run.status()).as(run.stderr()).isZero();
        assertAddsUp(run, temp.resolve("all"));
        assertThat(run.count("EXPORTED")).isEqualTo(INSTANCES);
        assertThat(files(temp.resolve("all"))).anySatisfy(f -> assertThat(f.toString()).contains("_2.25.4242"));
    }

    @Test
    void shouldFailEveryInstanceWhoseKeyAnotherInstanceTookAndNeverCountOneFileTwice() throws IOException {
        String oneFilePerSeries = "{StudyInstanceUID}/{SeriesInstanceUID}.dcm";
        EmulatedAhi.Run always = export("series", "--overwrite", "always", "--template", oneFilePerSeries);
        EmulatedAhi.Run never = export("series", "--overwrite", "never", "--template", oneFilePerSeries);

        assertThat(always.status()).as(always.stderr()).isZero();
        assertAddsUp(always, temp.resolve("series"));
        assertThat(always.count("EXPORTED")).as("one file per series: 3").isEqualTo(3);
        assertThat(always.count("FAILED")).as("the other 4 of the two series of 3").isEqualTo(4);
        assertThat(never.count("SKIPPED_EXISTS")).as("the 3 files that exist").isEqualTo(3);
        assertThat(never.count("FAILED")).isEqualTo(4);
        assertThat(never.count("EXPORTED")).isZero();
        assertThat(files(temp.resolve("series"))).hasSize(3);
        assertThat(auditLines()).filteredOn(l -> l.contains("\"FAILED\"")).hasSize(8)
                .allSatisfy(l -> assertThat(l).contains("key collision").contains("{SOPInstanceUID}"));
    }

    @Test
    void shouldRefuseATemplateWithAnUnbalancedBraceWithoutQuotingIt() {
        for (String template : List.of("{PatientID", "{StudyInstanceUID}/{PatientID.dcm", "x}/{SOPInstanceUID}.dcm",
                "{Patient ID}/{SOPInstanceUID}.dcm")) {
            EmulatedAhi.Run run = export("refused", "--template", template);

            assertThat(run.status()).as(template).isEqualTo(2);
            assertThat(run.stderr()).as(template).contains("'{' or '}'").doesNotContain(template)
                    .doesNotContain("PatientID");
        }
        assertThat(temp.resolve("refused")).doesNotExist();
    }

    /** The run's counts add up to every instance, and EXPORTED ones are files on disk, one each. */
    private static void assertAddsUp(EmulatedAhi.Run run, Path folder) throws IOException {
        int exported = run.count("EXPORTED");
        int skipped = run.count("SKIPPED_EXISTS");
        int failed = run.count("FAILED");
        assertThat(exported + skipped + failed).isEqualTo(INSTANCES).isEqualTo(run.summary().get("instances").asInt());
        assertThat(files(folder)).hasSize(exported);
    }

    private static EmulatedAhi.Run export(String folder, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("--datastore", "test", "--destination",
                "file:" + temp.resolve(folder), "--once", "--config", config.toString()));
        args.addAll(List.of(options));
        return EmulatedAhi.export(args.toArray(String[]::new));
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static List<String> auditLines() throws IOException {
        try (Stream<Path> all = Files.list(temp.resolve("audit"))) {
            return all.filter(f -> f.getFileName().toString().startsWith("outcomes-")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** The sample with another Series Instance UID. */
    private static byte[] withSeries(byte[] bytes, String seriesUid) throws IOException {
        DicomFile file = DicomReader.read(new ByteArrayInputStream(bytes), ReadOptions.full().withKnownSize(
                bytes.length));
        Attributes data = file.dataset().copy();
        data.setString(Tags.SERIES_INSTANCE_UID, VR.UI, seriesUid);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.write(out, file.fileMeta(), data, file.transferSyntaxUid());
        return out.toByteArray();
    }
}
