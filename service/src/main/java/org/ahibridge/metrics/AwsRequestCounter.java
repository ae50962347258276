package org.ahibridge.metrics;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Counts each request an SDK client sends into {@link AwsRequestCounts}: an attempt when it is about to go on
 * the wire (so each retry counts again, and so does an attempt that never got an answer), and a throttled
 * attempt when the answer says to slow down. Cheap: a map lookup and an adder per attempt.
 *
 * <p>Throttling is read from the HTTP answer, since the SDK hands interceptors no per-attempt exception:
 * status 429, an error code among the SDK's throttling codes in {@code x-amzn-ErrorType} (AHI, EventBridge)
 * or {@code x-amzn-query-error} (SQS), or S3's 503, which S3 sends only to say "reduce your request rate"
 * (SlowDown, and ServiceUnavailable with that message).
 */
public final class AwsRequestCounter implements ExecutionInterceptor {

    private static final AwsRequestCounter PROCESS = new AwsRequestCounter(AwsRequestCounts.process());

    /**
     * The SDK's throttling error codes (its AwsErrorCode list, which its retry policy reads), and SQS's code for
     * RequestThrottled as SQS puts it in {@code x-amzn-query-error}.
     */
    private static final Set<String> THROTTLING_CODES = Set.of("Throttling", "ThrottlingException",
            "ThrottledException", "ProvisionedThroughputExceededException", "SlowDown", "TooManyRequestsException",
            "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled", "RequestThrottledException",
            "EC2ThrottledException", "TransactionInProgressException", "AWS.SimpleQueueService.RequestThrottled");

    private static final ExecutionAttribute<AwsRequestCounts.OperationCounts> COUNTS =
            new ExecutionAttribute<>("ahibridge.requestCounts");

    private final AwsRequestCounts counts;

    public AwsRequestCounter(AwsRequestCounts counts) {
        this.counts = counts;
    }

    /** The counter of {@link AwsRequestCounts#process()}, the one every client of the service carries. */
    public static AwsRequestCounter process() {
        return PROCESS;
    }

    /**
     * Adds the process's counter to a client builder, keeping the override configuration it has so far (the
     * SDK's {@code overrideConfiguration(Consumer)} would replace it). Call it last, just before
     * {@code build()}; a builder that has the counter already is left as it is.
     */
    public static <B extends SdkClientBuilder<B, ?>> B countRequests(B builder) {
        ClientOverrideConfiguration current = builder.overrideConfiguration();
        ClientOverrideConfiguration.Builder override = current == null ? ClientOverrideConfiguration.builder()
                : current.toBuilder();
        List<ExecutionInterceptor> interceptors = override.executionInterceptors();
        if (interceptors != null && interceptors.contains(PROCESS)) {
            return builder;
        }
        return builder.overrideConfiguration(override.addExecutionInterceptor(PROCESS).build());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        AwsRequestCounts.OperationCounts operation = attributes.getAttribute(COUNTS);
        if (operation == null) {
            operation = counts.of(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            attributes.putAttribute(COUNTS, operation);
        }
        operation.attempted();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        AwsRequestCounts.OperationCounts operation = attributes.getAttribute(COUNTS);
        if (operation != null && throttled(context.httpResponse(), operation.service())) {
            operation.wasThrottled();
        }
    }

    static boolean throttled(SdkHttpResponse response, String service) {
        int status = response.statusCode();
        if (status == 429 || (status == 503 && "S3".equals(service))) {
            return true;
        }
        if (response.isSuccessful()) {
            return false;
        }
        return errorCode(response, "x-amzn-ErrorType").or(() -> errorCode(response, "x-amzn-query-error"))
                .filter(THROTTLING_CODES::contains).isPresent();
    }

    /** The code of {@code ThrottlingException:http://...} or {@code AWS.SimpleQueueService.RequestThrottled;Sender}. */
    private static Optional<String> errorCode(SdkHttpResponse response, String header) {
        return response.firstMatchingHeader(header).map(value -> value.split("[:;]", 2)[0].trim());
    }
}
