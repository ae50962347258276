package org.ahibridge.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@link AwsRequestCounts} as Micrometer counters read at scrape time: {@code ahibridge_aws_requests_total} and
 * {@code ahibridge_aws_requests_throttled_total}, by service and operation. Operations appear as they are first
 * called, so {@link #bindNew} is called again on every refresh of {@link LedgerGauges} and registers the new
 * ones.
 */
final class AwsRequestMeters {

    private final AwsRequestCounts counts;
    private final MeterRegistry registry;
    private final Set<String> bound = ConcurrentHashMap.newKeySet();

    AwsRequestMeters(AwsRequestCounts counts, MeterRegistry registry) {
        this.counts = counts;
        this.registry = registry;
    }

    void bindNew() {
        for (AwsRequestCounts.OperationCounts operation : counts.operations()) {
            if (bound.add(operation.key())) {
                FunctionCounter.builder("ahibridge.aws.requests", operation, AwsRequestCounts.OperationCounts::attempts)
                        .description("Requests sent to AWS (or the S3-compatible store, the emulator), each retry"
                                + " again")
                        .tags("service", operation.service(), "operation", operation.operation()).register(registry);
                FunctionCounter.builder("ahibridge.aws.requests.throttled", operation,
                        AwsRequestCounts.OperationCounts::throttled)
                        .description("Requests answered as throttled (429, a throttling error code, S3 503 SlowDown)")
                        .tags("service", operation.service(), "operation", operation.operation()).register(registry);
            }
        }
    }
}
