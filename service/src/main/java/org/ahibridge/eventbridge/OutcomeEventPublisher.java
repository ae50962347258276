package org.ahibridge.eventbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.audit.AuditRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Publishes one event per terminal file outcome to an EventBridge bus (docs/design.md §3): detail
 * {@code runId, storage, key, version, outcome, reason, imageSetId, isPrimary} and nothing else, so no
 * patient data can reach the bus. {@link #publish} only queues the record: a background thread sends
 * PutEvents with up to 10 entries (the API's limit) and retries refused entries and failed calls three
 * times. The audit file stays the record: an event that cannot be sent, or does not fit in the queue,
 * is logged and counted ({@link #failed()}), and the import goes on.
 */
public final class OutcomeEventPublisher implements AutoCloseable {

    static final int MAX_ENTRIES = 10;
    private static final int ATTEMPTS = 3;
    private static final int MAX_REASON = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeEventPublisher.class);

    private final EventBridgeClient events;
    private final String bus;
    private final String source;
    private final String detailType;
    private final BlockingQueue<AuditRecord> queue;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread worker;
    private volatile boolean closing;

    public OutcomeEventPublisher(EventBridgeClient events, String bus, String source, String detailType, int capacity) {
        this.events = events;
        this.bus = bus;
        this.source = source;
        this.detailType = detailType;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::run, "outcome-events");
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues the outcome for the bus; never blocks and never throws. */
    public void publish(AuditRecord record) {
        if (closing || !queue.offer(record)) {
            long failures = failed.incrementAndGet();
            // An outage can refuse thousands of events: the first and every 1,000th are enough for the log.
            if (failures == 1 || failures % 1_000 == 0) {
                LOG.warn("Outcome event not queued for bus {} ({}): {} events failed so far", bus,
                        closing ? "closing" : "queue full", failures);
            }
        }
    }

    /** Events the bus accepted. */
    public long published() {
        return published.get();
    }

    /** Events given up on (refused, failed calls, queue full). */
    public long failed() {
        return failed.get();
    }

    private void run() {
        List<AuditRecord> batch = new ArrayList<>(MAX_ENTRIES);
        while (!closing || !queue.isEmpty()) {
            try {
                AuditRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_ENTRIES - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never let one bad batch stop the thread: those events are counted and the next ones go on.
                failed.addAndGet(batch.size());
                LOG.warn("{} outcome events not published to bus {}: {}", batch.size(), bus, e.getClass().getSimpleName());
            } finally {
                batch.clear();
            }
        }
    }

    private void send(List<AuditRecord> records) throws InterruptedException {
        List<PutEventsRequestEntry> pending = new ArrayList<>(records.stream().map(this::entry).toList());
        String lastError = null;
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                Thread.sleep(200L << (attempt - 2));
            }
            try {
                List<PutEventsRequestEntry> request = List.copyOf(pending);
                PutEventsResponse response = events.putEvents(b -> b.entries(request));
                pending.clear();
                for (int i = 0; i < request.size(); i++) {
                    var result = response.entries().size() > i ? response.entries().get(i) : null;
                    if (result == null || result.errorCode() != null) {
                        pending.add(request.get(i));
                        lastError = result == null ? "no result" : result.errorCode();
                    } else {
                        published.incrementAndGet();
                    }
                }
            } catch (SdkException e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        if (!pending.isEmpty()) {
            failed.addAndGet(pending.size());
            LOG.warn("{} outcome events not published to bus {} after {} attempts ({}); {} failed so far",
                    pending.size(), bus, ATTEMPTS, lastError, failed.get());
        }
    }

    private PutEventsRequestEntry entry(AuditRecord record) {
        ObjectNode detail = json.createObjectNode().put("runId", record.runId()).put("storage", record.storage())
                .put("key", record.key()).put("version", record.version())
                .put("outcome", record.outcome() == null ? null : record.outcome().name())
                .put("reason", truncated(record.reason())).put("imageSetId", record.imageSetId());
        if (record.isPrimary() == null) {
            detail.putNull("isPrimary");
        } else {
            detail.put("isPrimary", record.isPrimary().booleanValue());
        }
        return PutEventsRequestEntry.builder().eventBusName(bus).source(source).detailType(detailType)
                .time(record.time()).detail(detail.toString()).build();
    }

    private static String truncated(String reason) {
        return reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
    }

    /** Sends what is queued (up to 10 s), then stops; later outcomes are counted as failed. */
    @Override
    public void close() {
        closing = true;
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
        if (!queue.isEmpty()) {
            failed.addAndGet(queue.size());
            LOG.warn("{} outcome events not published to bus {}: stopped before they were sent", queue.size(), bus);
        }
        events.close();
    }
}
