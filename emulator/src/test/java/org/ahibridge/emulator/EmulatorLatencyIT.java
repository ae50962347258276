package org.ahibridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.GetDicomImportJobResponse;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.ahibridge.emulator.junit.EmulatorClients;
import org.ahibridge.emulator.junit.EmulatorExtension;
import org.ahibridge.samples.SampleInstance;
import org.ahibridge.samples.SampleStudies;

/**
 * {@link EmulatorConfig#withLatency}: every endpoint the emulator hands out is behind the delay, so each request
 * of an SDK client takes at least a round trip, while the emulator's own calls (an import job reading its input
 * from S3) still work.
 */
class EmulatorLatencyIT {

    private static final Duration ONE_WAY = Duration.ofMillis(10);
    private static final long ROUND_TRIP_NANOS = ONE_WAY.toNanos() * 2;

    @RegisterExtension
    static final EmulatorExtension EMULATOR = EmulatorExtension.create().configure(c -> c.withLatency(ONE_WAY));

    /** The nanoseconds of one call, after a first one has opened the client's connection. */
    private static long timed(Supplier<?> call) {
        call.get();
        long start = System.nanoTime();
        call.get();
        return System.nanoTime() - start;
    }

    @Test
    void everyServiceAnswersAfterAtLeastOneRoundTrip(S3Client s3, MedicalImagingClient ahi, SqsClient sqs,
            EventBridgeClient events) {
        assertThat(timed(s3::listBuckets)).as("S3").isGreaterThanOrEqualTo(ROUND_TRIP_NANOS);
        assertThat(timed(() -> ahi.listDatastores(b -> { }))).as("AHI").isGreaterThanOrEqualTo(ROUND_TRIP_NANOS);
        assertThat(timed(sqs::listQueues)).as("SQS").isGreaterThanOrEqualTo(ROUND_TRIP_NANOS);
        assertThat(timed(() -> events.listRules(b -> { }))).as("EventBridge").isGreaterThanOrEqualTo(ROUND_TRIP_NANOS);
    }

    @Test
    void queueUrlsNameTheDelayedPort(SqsClient sqs, EmulatorEndpoints endpoints) {
        String url = sqs.createQueue(b -> b.queueName("delayed")).queueUrl();
        assertThat(URI.create(url).getPort()).isEqualTo(endpoints.sqs().getPort());
    }

    @Test
    void anImportJobReadsItsInputFromS3AndCompletes(S3Client s3, MedicalImagingClient ahi) {
        s3.createBucket(b -> b.bucket("latency-input"));
        SampleInstance instance = SampleStudies.instances(5, 1, 1, 1).get(0);
        s3.putObject(b -> b.bucket("latency-input").key("in/one.dcm"), RequestBody.fromBytes(instance.toBytes()));
        String datastoreId = EmulatorClients.createActiveDatastore(ahi, "latency");

        String jobId = ahi.startDICOMImportJob(b -> b.datastoreId(datastoreId).jobName("delayed")
                .dataAccessRoleArn("arn:aws:iam::123456789012:role/ImportRole")
                .inputS3Uri("s3://latency-input/in/").outputS3Uri("s3://latency-input/out/")).jobId();

        GetDicomImportJobResponse job = await().atMost(Duration.ofSeconds(60))
                .until(() -> ahi.getDICOMImportJob(b -> b.datastoreId(datastoreId).jobId(jobId)),
                        r -> r.jobProperties().jobStatus() != JobStatus.SUBMITTED
                                && r.jobProperties().jobStatus() != JobStatus.IN_PROGRESS);
        assertThat(job.jobProperties().jobStatus()).isEqualTo(JobStatus.COMPLETED);
        assertThat(ahi.searchImageSets(b -> b.datastoreId(datastoreId)).imageSetsMetadataSummaries()).hasSize(1);
    }
}
