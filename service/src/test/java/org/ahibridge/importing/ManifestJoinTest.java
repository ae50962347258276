package org.ahibridge.importing;

import static org.ahibridge.importing.Fixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ahibridge.ahi.ImportJobStatus;
import org.ahibridge.importing.FileResolution.Result;
import org.ahibridge.ledger.SourceObject;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ManifestJoinTest {

    static final List<SourceObject> BATCH = List.of(
            submitted(1, "ahi-staging/B1/1-a.dcm", 0),
            submitted(2, "ahi-staging/B1/2-b!20c!C3!BC.dcm", 0),
            submitted(3, "ahi-staging/B1/3-c.dcm", 0),
            submitted(4, "ahi-staging/B1/4-d.dcm", 0),
            submitted(5, "ahi-staging/B1/5-e.dcm", 0),
            submitted(6, "ahi-staging/B1/6-f.dcm", 0));

    final ManifestJoin join = new ManifestJoin(3);

    ImportOutput completedWithFailures() throws IOException {
        return new ManifestReader(new ObjectMapper()).read(Fixtures.output("completed-with-failures"),
                Fixtures.DS + "-DicomImport-" + Fixtures.JOB + "/");
    }

    static Map<Long, FileResolution> byId(ManifestJoin.Joined joined) {
        return joined.files().stream().collect(Collectors.toMap(r -> r.file().id(), Function.identity()));
    }

    @Test
    void shouldGiveEveryFileOfACompletedJobWithFailuresExactlyOneResolution() throws IOException {
        ManifestJoin.Joined joined = join.join(BATCH, completedWithFailures(),
                Fixtures.job(ImportJobStatus.COMPLETED, "s3://output-bucket/out/", null));
        Map<Long, FileResolution> files = byId(joined);

        assertThat(joined.files()).hasSize(6).extracting(r -> r.file().id()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(files.get(1L)).satisfies(r -> {
            assertThat(r.result()).isEqualTo(Result.IMPORTED);
            assertThat(r.imageSetId()).isEqualTo("a".repeat(32));
            assertThat(r.isPrimary()).isTrue();
            assertThat(r.reason()).isNull();
        });
        assertThat(files.get(2L)).satisfies(r -> {
            assertThat(r.result()).isEqualTo(Result.IMPORTED);
            assertThat(r.isNonPrimary()).isTrue();
            assertThat(r.imageSetVersion()).isEqualTo(1);
            assertThat(r.reason()).startsWith("non-primary image set");
        });
        assertThat(files.get(3L)).satisfies(r -> {
            assertThat(r.result()).isEqualTo(Result.IMPORTED_WITH_WARNINGS);
            assertThat(r.reason()).startsWith("InvalidOffsetTable (45330)");
        });
        assertThat(files.get(4L)).satisfies(r -> {
            assertThat(r.result()).isEqualTo(Result.FAILED);
            assertThat(r.reason()).isEqualTo("ValidationException: DICOM attribute TransferSyntaxUID does not exist");
        });
        assertThat(files.get(5L).result()).isEqualTo(Result.RETRY);
        assertThat(files.get(6L)).satisfies(r -> {
            assertThat(r.result()).isEqualTo(Result.FAILED);
            assertThat(r.reason()).isEqualTo("not reported by import job " + Fixtures.JOB);
        });
        assertThat(joined.unmatched()).extracting(ManifestEntry::inputFile).containsExactly("ahi-staging/B1/999-stranger.dcm");
        assertThat(joined.problems()).anySatisfy(p -> assertThat(p).contains("is not JSON"));
    }

    @Test
    void shouldFailAServerErrorForGoodOnceAttemptsAreUsedUp() throws IOException {
        List<SourceObject> batch = List.of(submitted(5, "ahi-staging/B1/5-e.dcm", 2));

        FileResolution resolution = join.join(batch, completedWithFailures(),
                Fixtures.job(ImportJobStatus.COMPLETED, "s3://output-bucket/out/", null)).files().get(0);

        assertThat(resolution.result()).isEqualTo(Result.FAILED);
        assertThat(resolution.reason()).isEqualTo("server error after 3 attempts: InternalServerException: Internal"
                + " failure, please retry");
    }

    @Test
    void shouldFailEveryFileOfAFailedJobWithoutOutputWithTheJobsMessage() {
        ManifestJoin.Joined joined = join.join(BATCH, ImportOutput.missing("no manifest"),
                Fixtures.job(ImportJobStatus.FAILED, "s3://output-bucket/out/", "Access denied to input bucket"));

        assertThat(joined.files()).allSatisfy(r -> {
            assertThat(r.result()).isEqualTo(Result.FAILED);
            assertThat(r.reason()).isEqualTo("import job " + Fixtures.JOB + " failed: Access denied to input bucket");
        });
    }

    @Test
    void shouldApplyAPrefixLevelFailureToEveryUnreportedFileUnderIt() {
        ImportOutput output = new ImportOutput(null, List.of(
                new ManifestEntry(ManifestEntry.Kind.SUCCESS, "ahi-staging/B1/1-a.dcm", "x".repeat(32), 1, true, null,
                        null, List.of()),
                new ManifestEntry(ManifestEntry.Kind.FAILURE, "ahi-staging/B1/", null, null, null,
                        "ValidationException", "input prefix could not be read", List.of())), List.of());

        Map<Long, FileResolution> files = byId(join.join(BATCH, output,
                Fixtures.job(ImportJobStatus.FAILED, "s3://output-bucket/out/", null)));

        assertThat(files.get(1L).result()).isEqualTo(Result.IMPORTED);
        assertThat(files.get(6L).reason()).isEqualTo("ValidationException: input prefix could not be read");
    }

    @Test
    void shouldMatchLinesNamingFullS3UrisAndPreferImportOverAContradictingFailure() {
        ImportOutput output = new ImportOutput(null, List.of(
                new ManifestEntry(ManifestEntry.Kind.FAILURE, "ahi-staging/B1/1-a.dcm", null, null, null,
                        "ValidationException", "bad", List.of()),
                new ManifestEntry(ManifestEntry.Kind.SUCCESS, "s3://staging-bucket/ahi-staging/B1/1-a.dcm", "y".repeat(32),
                        null, true, null, null, List.of())), List.of());

        ManifestJoin.Joined joined = join.join(BATCH.subList(0, 1), output,
                Fixtures.job(ImportJobStatus.COMPLETED, "s3://output-bucket/out/", null));

        assertThat(joined.files().get(0).result()).isEqualTo(Result.IMPORTED);
        assertThat(joined.problems()).anySatisfy(p -> assertThat(p).contains("both imported and failed"));
    }

    @Test
    void shouldFlagWhenTheManifestCountsDisagreeWithItsLines() throws IOException {
        ManifestJoin.Joined joined = join.join(BATCH.subList(0, 1), completedWithFailures(),
                Fixtures.job(ImportJobStatus.COMPLETED, "s3://output-bucket/out/", null));

        assertThat(joined.problems()).anySatisfy(p -> assertThat(p).contains("counts 3 imported files"));
    }
}
