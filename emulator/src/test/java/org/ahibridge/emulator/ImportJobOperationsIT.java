package org.ahibridge.emulator;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.ahibridge.emulator.junit.EmulatorClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.DICOMImportJobProperties;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;
import software.amazon.awssdk.services.medicalimaging.model.MedicalImagingException;
import software.amazon.awssdk.services.medicalimaging.model.ResourceNotFoundException;
import software.amazon.awssdk.services.medicalimaging.model.StartDicomImportJobRequest;
import software.amazon.awssdk.services.medicalimaging.model.ThrottlingException;
import software.amazon.awssdk.services.medicalimaging.model.ValidationException;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.emulator.ahi.AhiSettings;

/** Contract tests: StartDICOMImportJob, GetDICOMImportJob, ListDICOMImportJobs, quotas and job faults. */
class ImportJobOperationsIT {

    // Generous start rate here (the throttle has its own test); 2 files per job; 2 concurrent jobs.
    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create().configure(c -> c.withAhi(
            AhiSettings.defaults().withStartJobRate(1000, 1000).withJobLimits(2, 1_000_000, 2)));
    static MedicalImagingClient ahi;
    static S3Client s3;
    static String datastoreId;

    @BeforeAll
    static void start() throws Exception {
        ahi = EMULATOR.ahi();
        s3 = EMULATOR.s3();
        s3.createBucket(b -> b.bucket("jobs-bucket"));
        datastoreId = EmulatorClients.createActiveDatastore(ahi, "jobs");
    }

    @AfterEach
    void clearFaults() {
        EMULATOR.faults().clear();
    }

    @Test
    void shouldRunAJobFromSubmittedToCompletedAndListIt() {
        String jobId = start("empty/", "t-complete", null);
        DICOMImportJobProperties job = await(jobId, JobStatus.COMPLETED);
        assertThat(job.jobName()).isNotBlank();
        assertThat(job.submittedAt()).isNotNull();
        assertThat(job.endedAt()).isAfterOrEqualTo(job.submittedAt());
        assertThat(job.inputS3Uri()).isEqualTo("s3://jobs-bucket/empty/");
        assertThat(ahi.listDICOMImportJobs(b -> b.datastoreId(datastoreId).jobStatus(JobStatus.COMPLETED))
                .jobSummaries()).anySatisfy(s -> assertThat(s.jobId()).isEqualTo(jobId));
    }

    @Test
    void shouldReturnTheSameJobForARepeatedClientToken() {
        String first = start("empty/", "same-token", null);
        String second = start("empty/", "same-token", null);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldPageThroughJobs() {
        for (int i = 0; i < 3; i++) {
            await(start("empty/", "page-" + i, null), JobStatus.COMPLETED);
        }
        var first = ahi.listDICOMImportJobs(b -> b.datastoreId(datastoreId).maxResults(2));
        assertThat(first.jobSummaries()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        assertThat(ahi.listDICOMImportJobsPaginator(b -> b.datastoreId(datastoreId).maxResults(1)).jobSummaries()
                .stream().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldRejectInvalidRequests() {
        assertThatThrownBy(() -> start("x/", "bad-role", b -> b.dataAccessRoleArn("role")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> start("x/", "bad-uri", b -> b.inputS3Uri("https://bucket/x")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> start("x/", "bad-name", b -> b.jobName("no spaces allowed")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ahi.getDICOMImportJob(b -> b.datastoreId(datastoreId).jobId("0".repeat(32))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ahi.startDICOMImportJob(request("x/", "no-store", null).toBuilder()
                .datastoreId("1".repeat(32)).build())).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void shouldFailAJobWhoseInputBucketDoesNotExist() {
        String jobId = ahi.startDICOMImportJob(request("x/", "no-bucket", b -> b.inputS3Uri("s3://no-such-bucket/in/")))
                .jobId();
        assertThat(await(jobId, JobStatus.FAILED).message()).contains("no-such-bucket");
    }

    @Test
    void shouldFailAJobWithMoreFilesThanTheQuota() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            s3.putObject(b -> b.bucket("jobs-bucket").key("three/f" + n + ".dcm"), RequestBody.fromString("x"));
        }
        assertThat(await(start("three/", "too-many", null), JobStatus.FAILED).message()).contains("3 files");
    }

    @Test
    void shouldRefuseMoreConcurrentJobsThanTheQuota() {
        EMULATOR.faults().slowJobs(Duration.ofSeconds(2));
        start("empty/", "c-1", null);
        start("empty/", "c-2", null);
        assertThatThrownBy(() -> start("empty/", "c-3", null)).isInstanceOfSatisfying(MedicalImagingException.class,
                e -> {
                    assertThat(e.statusCode()).isEqualTo(402);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceQuotaExceededException");
                });
        EMULATOR.faults().clear();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ahi.listDICOMImportJobs(
                b -> b.datastoreId(datastoreId).jobStatus(JobStatus.IN_PROGRESS)).jobSummaries().isEmpty());
    }

    @Test
    void shouldFailTheNextJobWhenTold() {
        EMULATOR.faults().failJobs(1, 0, "Injected for the test");
        assertThat(await(start("empty/", "fail-1", null), JobStatus.FAILED).message()).isEqualTo("Injected for the test");
        assertThat(await(start("empty/", "fail-2", null), JobStatus.COMPLETED).message()).isNull();
    }

    @Test
    void shouldThrottleStartDicomImportJobBeyondItsBurst() throws Exception {
        // A second emulator, with a start rate the shared one must not have.
        try (Emulator strict = Emulator.start(EmulatorConfig.ephemeral()
                .withAhi(AhiSettings.defaults().withStartJobRate(0.001, 2)));
                MedicalImagingClient client = EmulatorClients.medicalImaging(strict.endpoints())) {
            String store = EmulatorClients.createActiveDatastore(client, "throttled");
            for (int i = 0; i < 2; i++) {
                client.startDICOMImportJob(request("x/", "burst-" + i, null).toBuilder().datastoreId(store).build());
            }
            assertThatThrownBy(() -> client.startDICOMImportJob(request("x/", "burst-3", null).toBuilder()
                    .datastoreId(store).build())).isInstanceOf(ThrottlingException.class);
        }
    }

    private static String start(String prefix, String token, Consumer<StartDicomImportJobRequest.Builder> change) {
        return ahi.startDICOMImportJob(request(prefix, token, change)).jobId();
    }

    private static StartDicomImportJobRequest request(String prefix, String token,
            Consumer<StartDicomImportJobRequest.Builder> change) {
        StartDicomImportJobRequest.Builder builder = StartDicomImportJobRequest.builder().datastoreId(datastoreId)
                .clientToken(token).dataAccessRoleArn("arn:aws:iam::123456789012:role/ImportRole")
                .inputS3Uri("s3://jobs-bucket/" + prefix).outputS3Uri("s3://jobs-bucket/out/");
        if (change != null) {
            change.accept(builder);
        }
        return builder.build();
    }

    private static DICOMImportJobProperties await(String jobId, JobStatus status) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> ahi.getDICOMImportJob(b -> b.datastoreId(datastoreId).jobId(jobId)).jobProperties()
                        .jobStatus() == status);
        return ahi.getDICOMImportJob(b -> b.datastoreId(datastoreId).jobId(jobId)).jobProperties();
    }
}
