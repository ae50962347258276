package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.importing.ManifestEntry.Kind;
import org.ahibridge.storage.FileBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class ManifestReaderTest {

    final ManifestReader reader = new ManifestReader(new ObjectMapper());

    @Test
    void shouldReadTheDocumentedOutputLayout() throws IOException {
        ImportOutput output = reader.read(Fixtures.output("aws-example"),
                Fixtures.AWS_DS + "-DicomImport-" + Fixtures.AWS_JOB + "/");

        JobSummary summary = output.summary();
        assertThat(summary.jobId()).isEqualTo(Fixtures.AWS_JOB);
        assertThat(summary.numberOfScannedFiles()).isEqualTo(5);
        assertThat(summary.numberOfImportedFiles()).isEqualTo(3);
        assertThat(summary.numberOfFilesWithCustomerError()).isEqualTo(2);
        assertThat(summary.numberOfFilesWithServerError()).isZero();
        assertThat(summary.imageSets()).extracting(JobSummary.ImageSetSummary::numberOfMatchedSopInstances)
                .containsExactly(2, 1);
        assertThat(output.entries()).extracting(ManifestEntry::kind)
                .containsExactly(Kind.SUCCESS, Kind.WARNING, Kind.FAILURE, Kind.FAILURE);
        ManifestEntry success = output.entries().get(0);
        assertThat(success.inputFile()).isEqualTo("dicomInputFolder/1.3.51.5145.5142.20010109.1105620.1.0.1.dcm");
        assertThat(success.isPrimary()).isTrue();
        assertThat(success.imageSetVersion()).isNull();
        ManifestEntry warning = output.entries().get(1);
        assertThat(warning.imageSetVersion()).isEqualTo(1);
        assertThat(warning.warnings()).singleElement().asString().startsWith("InvalidOffsetTable (45330): The file");
        ManifestEntry failure = output.entries().get(2);
        assertThat(failure.exceptionType()).isEqualTo("ValidationException");
        assertThat(failure.message()).isEqualTo("DICOM attribute TransferSyntaxUID does not exist");
        assertThat(output.problems()).isEmpty();
    }

    @Test
    void shouldReportBadLinesAndSkipBlankOnes() throws IOException {
        ImportOutput output = reader.read(Fixtures.output("completed-with-failures"),
                Fixtures.DS + "-DicomImport-" + Fixtures.JOB + "/");

        assertThat(output.entries()).hasSize(6);
        assertThat(output.problems()).singleElement().asString()
                .contains("FAILURE/failure.ndjson line 3 is not JSON");
    }

    @Test
    void shouldTreatMissingFilesAsEmptyAndAMissingManifestAsAProblem(@TempDir Path empty) throws IOException {
        ImportOutput output = reader.read(new FileBlobStore(empty), "ds-DicomImport-job/");

        assertThat(output.summary()).isNull();
        assertThat(output.entries()).isEmpty();
        assertThat(output.problems()).singleElement().asString().contains("job-output-manifest.json is missing");
    }

    @Test
    void shouldAcceptStringVersionsAndRejectLinesWithoutInputFile() throws IOException {
        List<ManifestEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        reader.parse(new BufferedReader(new StringReader("""
                {"inputFile":"k","importResponse":{"imageSetId":"x","imageSetVersion":"2","isPrimary":"false"}}
                {"importResponse":{}}
                """)), "success.ndjson", Kind.SUCCESS, entries, problems);

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.imageSetVersion()).isEqualTo(2);
            assertThat(e.isPrimary()).isFalse();
        });
        assertThat(problems).containsExactly("success.ndjson line 2 has no inputFile");
    }
}
