package org.ahibridge.metrics;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The requests this process sent to AWS (or to an S3-compatible store or the emulator), by service and
 * operation: every attempt, retries included, and the attempts answered as throttled. {@link AwsRequestCounter}
 * fills it from every SDK client the service builds.
 *
 * <p>There is one per process, {@link #process()}, and the Spring bean is that one: the SDK clients are made by
 * static factories (S3Clients, AhiClients, the event features' clients), some of them outside any Spring
 * context, and all must count into the same place.
 *
 * <p>Two ways to read it. {@link #snapshot()} copies the counts, and {@link Snapshot#since} gives what one run
 * sent (the one-shot commands' {@code requests} summary). {@link #operations()} is the live view of one
 * {@link OperationCounts} per operation seen so far, each with its service and operation apart, for a metrics
 * registry to read at scrape time (for Micrometer, a {@code FunctionCounter} per entry, tagged with both).
 */
public final class AwsRequestCounts {

    private static final AwsRequestCounts PROCESS = new AwsRequestCounts();

    private final ConcurrentMap<String, OperationCounts> byOperation = new ConcurrentHashMap<>();

    public static AwsRequestCounts process() {
        return PROCESS;
    }

    /** The counters of one operation: created on first use and kept, so a reader may hold on to them. */
    public static final class OperationCounts {
        private final String service;
        private final String operation;
        private final LongAdder attempts = new LongAdder();
        private final LongAdder throttled = new LongAdder();

        private OperationCounts(String service, String operation) {
            this.service = service;
            this.operation = operation;
        }

        /** As the SDK names it: S3, MedicalImaging, Sqs, EventBridge. */
        public String service() {
            return service;
        }

        /** As the API names it: GetObject, StartDICOMImportJob. */
        public String operation() {
            return operation;
        }

        /** {@code Service.Operation}, the key of the JSON summaries. */
        public String key() {
            return service + "." + operation;
        }

        /** Requests sent, each retry counted again. */
        public long attempts() {
            return attempts.sum();
        }

        /** Attempts whose answer said to slow down. */
        public long throttled() {
            return throttled.sum();
        }

        void attempted() {
            attempts.increment();
        }

        void wasThrottled() {
            throttled.increment();
        }
    }

    /** The counters of an operation, made on first use. */
    OperationCounts of(String service, String operation) {
        String key = service + "." + operation;
        OperationCounts counts = byOperation.get(key);
        return counts != null ? counts : byOperation.computeIfAbsent(key, k -> new OperationCounts(service, operation));
    }

    /** Every operation counted so far, live. */
    public Collection<OperationCounts> operations() {
        return Collections.unmodifiableCollection(byOperation.values());
    }

    public Snapshot snapshot() {
        Map<String, Long> attempts = new TreeMap<>();
        Map<String, Long> throttled = new TreeMap<>();
        for (OperationCounts counts : byOperation.values()) {
            attempts.put(counts.key(), counts.attempts());
            throttled.put(counts.key(), counts.throttled());
        }
        return new Snapshot(attempts, throttled);
    }

    /**
     * Counts at one moment, keyed {@code Service.Operation} in name order. Counters move while a snapshot is
     * taken, so two counts of one snapshot may be a few requests apart; a run's counts taken after it ended are
     * exact.
     */
    public record Snapshot(Map<String, Long> attempts, Map<String, Long> throttled) {

        public Snapshot {
            attempts = Collections.unmodifiableMap(new TreeMap<>(attempts));
            throttled = Collections.unmodifiableMap(new TreeMap<>(throttled));
        }

        /** What was counted after {@code earlier}, without the operations that had no request since. */
        public Snapshot since(Snapshot earlier) {
            return new Snapshot(minus(attempts, earlier.attempts), minus(throttled, earlier.throttled));
        }

        private static Map<String, Long> minus(Map<String, Long> later, Map<String, Long> earlier) {
            Map<String, Long> difference = new TreeMap<>();
            later.forEach((key, count) -> {
                long added = count - earlier.getOrDefault(key, 0L);
                if (added > 0) {
                    difference.put(key, added);
                }
            });
            return difference;
        }

        public long totalAttempts() {
            return attempts.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
