package org.ahibridge.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.ahibridge.ledger.BatchState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges of the ledger's state, refreshed on a timer rather than read per scrape, so a scraper (or several)
 * adds no load to the ledger: two grouped queries per refresh, whatever the number of objects.
 *
 * <ul>
 * <li>{@code ahibridge_import_batches{datastore,state}}: batches by state (OPEN ... COMPLETED, FAILED);</li>
 * <li>{@code ahibridge_import_jobs_in_flight{datastore}} and {@code ahibridge_import_jobs_oldest_age_seconds}:
 * import jobs started and not yet accounted (batches SUBMITTED), and the age of the oldest;</li>
 * <li>{@code ahibridge_import_objects_unfinished{source}} and
 * {@code ahibridge_import_objects_oldest_unfinished_age_seconds{source}}: objects without a terminal outcome,
 * and how long ago the oldest of them was discovered (the pipeline's lag).</li>
 * </ul>
 * A refresh that fails (the ledger unreachable) keeps the last values and is logged once per failure streak.
 */
public final class LedgerGauges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerGauges.class);
    /** Every state but DONE, spelled out so the work_state index serves the query. */
    private static final String UNFINISHED = "'DISCOVERED', 'CLASSIFIED', 'BATCHED', 'STAGED', 'SUBMITTED'";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Runnable alsoOnRefresh;
    private final MultiGauge batches;
    private final MultiGauge jobsInFlight;
    private final MultiGauge oldestJobAge;
    private final MultiGauge unfinished;
    private final MultiGauge oldestUnfinishedAge;
    private ScheduledExecutorService timer;
    private boolean failing;

    /** @param alsoOnRefresh run on each refresh too (binding the meters of AWS operations seen since) */
    public LedgerGauges(JdbcClient jdbc, MeterRegistry registry, Clock clock, Runnable alsoOnRefresh) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.alsoOnRefresh = alsoOnRefresh;
        this.batches = MultiGauge.builder("ahibridge.import.batches").description("Import batches by state")
                .register(registry);
        this.jobsInFlight = MultiGauge.builder("ahibridge.import.jobs.in.flight")
                .description("Import jobs started and not yet accounted (batches SUBMITTED)").register(registry);
        this.oldestJobAge = MultiGauge.builder("ahibridge.import.jobs.oldest.age").baseUnit("seconds")
                .description("Age of the oldest import job in flight").register(registry);
        this.unfinished = MultiGauge.builder("ahibridge.import.objects.unfinished")
                .description("Source objects without a terminal outcome yet").register(registry);
        this.oldestUnfinishedAge = MultiGauge.builder("ahibridge.import.objects.oldest.unfinished.age")
                .baseUnit("seconds").description("Time since the oldest unfinished object was discovered")
                .register(registry);
    }

    /** Refreshes now, then every {@code interval} on a daemon thread of its own. */
    public synchronized void start(Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-gauges");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            alsoOnRefresh.run();
            refresh();
            if (failing) {
                LOG.info("Ledger gauges are refreshed again");
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Ledger gauges could not be refreshed; they keep their last values: {}", e.toString());
            }
            failing = true;
        }
    }

    /** One refresh: two queries. */
    void refresh() {
        Instant now = clock.instant();
        Map<String, Map<BatchState, Long>> byDatastore = new HashMap<>();
        Map<String, Instant> oldestSubmitted = new HashMap<>();
        jdbc.sql("select datastore, batch_state, count(*) as n, min(submitted_at) as oldest from import_batch"
                + " group by datastore, batch_state").query(row -> {
                    String datastore = row.getString("datastore");
                    BatchState state = BatchState.valueOf(row.getString("batch_state"));
                    byDatastore.computeIfAbsent(datastore, d -> new HashMap<>()).put(state, row.getLong("n"));
                    if (state == BatchState.SUBMITTED) {
                        Instant oldest = oldest(row);
                        if (oldest != null) {
                            oldestSubmitted.put(datastore, oldest);
                        }
                    }
                });
        List<MultiGauge.Row<?>> batchRows = new ArrayList<>();
        List<MultiGauge.Row<?>> inFlightRows = new ArrayList<>();
        List<MultiGauge.Row<?>> jobAgeRows = new ArrayList<>();
        byDatastore.forEach((datastore, states) -> {
            for (BatchState state : BatchState.values()) {
                batchRows.add(MultiGauge.Row.of(Tags.of("datastore", datastore, "state", state.name()),
                        states.getOrDefault(state, 0L)));
            }
            inFlightRows.add(MultiGauge.Row.of(Tags.of("datastore", datastore),
                    states.getOrDefault(BatchState.SUBMITTED, 0L)));
            Instant oldest = oldestSubmitted.get(datastore);
            jobAgeRows.add(MultiGauge.Row.of(Tags.of("datastore", datastore), oldest == null ? 0
                    : secondsSince(oldest, now)));
        });
        batches.register(batchRows, true);
        jobsInFlight.register(inFlightRows, true);
        oldestJobAge.register(jobAgeRows, true);

        List<MultiGauge.Row<?>> unfinishedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
        jdbc.sql("select storage, count(*) as n, min(discovered_at) as oldest from source_object where work_state in ("
                + UNFINISHED + ") group by storage").query(row -> {
                    Tags source = Tags.of("source", row.getString("storage"));
                    unfinishedRows.add(MultiGauge.Row.of(source, row.getLong("n")));
                    Instant oldest = oldest(row);
                    lagRows.add(MultiGauge.Row.of(source, oldest == null ? 0 : secondsSince(oldest, now)));
                });
        unfinished.register(unfinishedRows, true);
        oldestUnfinishedAge.register(lagRows, true);
    }

    /** A {@code timestamp with time zone} read the same way on H2 and PostgreSQL. */
    private static Instant oldest(ResultSet row) throws SQLException {
        OffsetDateTime value = row.getObject("oldest", OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static double secondsSince(Instant then, Instant now) {
        return Math.max(0, Duration.between(then, now).toMillis() / 1000.0);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
