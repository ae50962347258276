package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading AHI's job-end events (docs/aws-healthimaging.md §7.2) from SQS message bodies. */
class JobEventTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldReadTheDeveloperGuideExample() {
        String body = """
                { "version": "0", "id": "7cf0fb1c-8720-4d48-baa3-6eb97b35a10e", "detail-type": "Import Job Completed",
                  "source": "aws.medical-imaging", "account": "111122223333", "time": "2024-03-14T00:01:00Z",
                  "region": "us-west-2",
                  "resources": ["arn:aws:medical-imaging:us-west-2:111122223333:datastore/bbc4f3cccbae4095a34170fddc19b13d"],
                  "detail": { "imagingVersion": "1.0", "datastoreId": "bbc4f3cccbae4095a34170fddc19b13d",
                    "jobId": "a6a1d220f152e7aab6d8925d995d8b76", "jobName": "test_only_1", "jobStatus": "COMPLETED",
                    "inputS3Uri": "s3://healthimaging-test-bucket/input/",
                    "outputS3Uri": "s3://healthimaging-test-bucket/output/" } }""";

        assertThat(JobEvent.read(json, body)).contains(new JobEvent("Import Job Completed",
                "bbc4f3cccbae4095a34170fddc19b13d", "a6a1d220f152e7aab6d8925d995d8b76", "COMPLETED"));
    }

    @Test
    void shouldReadAFailedJob() {
        assertThat(JobEvent.read(json, event("Import Job Failed", "aws.medical-imaging")))
                .hasValueSatisfying(e -> assertThat(e.jobStatus()).isEqualTo("FAILED"));
    }

    @Test
    void shouldIgnoreOtherEventsSourcesAndBodies() {
        assertThat(JobEvent.read(json, event("Import Job In Progress", "aws.medical-imaging"))).isEmpty();
        assertThat(JobEvent.read(json, event("Import Job Completed", "someone.else"))).isEmpty();
        assertThat(JobEvent.read(json, "{\"source\":\"aws.medical-imaging\",\"detail-type\":\"Import Job Completed\","
                + "\"detail\":{\"datastoreId\":\"d\"}}")).isEmpty();
        assertThat(JobEvent.read(json, "not json {")).isEmpty();
        assertThat(JobEvent.read(json, "[1,2]")).isEmpty();
        assertThat(JobEvent.read(json, "")).isEmpty();
        assertThat(JobEvent.read(json, null)).isEmpty();
    }

    static String event(String detailType, String source) {
        return "{\"source\":\"" + source + "\",\"detail-type\":\"" + detailType + "\",\"detail\":{\"datastoreId\":\""
                + "d".repeat(32) + "\",\"jobId\":\"" + "j".repeat(32) + "\",\"jobStatus\":\""
                + (detailType.endsWith("Failed") ? "FAILED" : "COMPLETED") + "\"}}";
    }
}
