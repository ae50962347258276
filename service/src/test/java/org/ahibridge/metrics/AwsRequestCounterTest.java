package org.ahibridge.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClientBuilder;

class AwsRequestCounterTest {

    private static SdkHttpResponse answer(int status, String header, String value) {
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
        if (header != null) {
            response.putHeader(header, value);
        }
        return response.build();
    }

    @Test
    void readsThrottlingFromTheStatusAndTheErrorCodeHeaders() {
        assertThat(AwsRequestCounter.throttled(answer(429, null, null), "MedicalImaging")).isTrue();
        assertThat(AwsRequestCounter.throttled(answer(400, "x-amzn-ErrorType",
                "ThrottlingException:http://internal.amazon.com/coral/com.amazonaws.x/"), "EventBridge")).isTrue();
        assertThat(AwsRequestCounter.throttled(answer(400, "x-amzn-query-error",
                "AWS.SimpleQueueService.RequestThrottled;Sender"), "Sqs")).isTrue();
        assertThat(AwsRequestCounter.throttled(answer(503, null, null), "S3")).as("S3's SlowDown").isTrue();
    }

    @Test
    void otherErrorsAndSuccessesAreNotThrottling() {
        assertThat(AwsRequestCounter.throttled(answer(200, null, null), "S3")).isFalse();
        assertThat(AwsRequestCounter.throttled(answer(503, null, null), "MedicalImaging")).isFalse();
        assertThat(AwsRequestCounter.throttled(answer(400, "x-amzn-ErrorType", "ValidationException:http://x/"),
                "MedicalImaging")).isFalse();
        assertThat(AwsRequestCounter.throttled(answer(402, "x-amzn-ErrorType", "ServiceQuotaExceededException"),
                "MedicalImaging")).isFalse();
        assertThat(AwsRequestCounter.throttled(answer(500, null, null), "S3")).isFalse();
    }

    @Test
    void addingTheCounterKeepsTheBuildersOverridesAndHappensOnce() {
        RetryStrategy noRetries = DefaultRetryStrategy.doNotRetry();
        MedicalImagingClientBuilder builder = MedicalImagingClient.builder().overrideConfiguration(c -> c
                .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true)
                .apiCallTimeout(Duration.ofSeconds(7)).retryStrategy(noRetries));

        AwsRequestCounter.countRequests(AwsRequestCounter.countRequests(builder));

        ClientOverrideConfiguration override = builder.overrideConfiguration();
        assertThat(override.advancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION)).contains(true);
        assertThat(override.apiCallTimeout()).contains(Duration.ofSeconds(7));
        assertThat(override.retryStrategy()).containsSame(noRetries);
        assertThat(override.executionInterceptors()).containsOnlyOnce(AwsRequestCounter.process());
    }

    @Test
    void aSnapshotSinceAnotherHoldsOnlyWhatWasCountedBetween() {
        AwsRequestCounts counts = new AwsRequestCounts();
        counts.of("S3", "GetObject").attempted();
        AwsRequestCounts.Snapshot before = counts.snapshot();
        counts.of("S3", "GetObject").attempted();
        counts.of("S3", "GetObject").attempted();
        counts.of("MedicalImaging", "StartDICOMImportJob").attempted();
        counts.of("MedicalImaging", "StartDICOMImportJob").wasThrottled();

        AwsRequestCounts.Snapshot run = counts.snapshot().since(before);

        assertThat(run.attempts()).containsExactly(entry("MedicalImaging.StartDICOMImportJob", 1L),
                entry("S3.GetObject", 2L));
        assertThat(run.throttled()).containsExactly(entry("MedicalImaging.StartDICOMImportJob", 1L));
        assertThat(run.totalAttempts()).isEqualTo(3);
        assertThat(counts.operations()).extracting(AwsRequestCounts.OperationCounts::service,
                AwsRequestCounts.OperationCounts::operation, AwsRequestCounts.OperationCounts::attempts)
                .containsExactlyInAnyOrder(tuple("S3", "GetObject", 3L),
                        tuple("MedicalImaging", "StartDICOMImportJob", 1L));
    }
}
