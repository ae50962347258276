package org.ahibridge.ledger.testing;

import java.time.Instant;

import javax.sql.DataSource;

import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.ledger.ListingPositions;
import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.ledger.SeenObjects;
import org.ahibridge.ledger.SourceObjects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every ledger repository over one test database, sharing one hand-moved clock. */
public final class Ledger {

    public final LedgerDatabase database;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05Z"));
    public final TransactionTemplate transactions;
    public final SourceObjects objects;
    public final ObjectTransitions transitions;
    public final Batches batches;
    public final ImportRuns runs;
    public final ListingPositions positions;
    public final SeenObjects seen;

    public Ledger(LedgerDatabase database) {
        this(database, database.dataSource());
    }

    /** Repositories that reach {@code database} through {@code dataSource} (e.g. a {@link StatementCounter}'s). */
    public Ledger(LedgerDatabase database, DataSource dataSource) {
        this.database = database;
        JdbcClient jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.objects = new SourceObjects(jdbc, clock);
        this.transitions = new ObjectTransitions(jdbc, clock, transactions, objects);
        this.batches = new Batches(jdbc, clock);
        this.runs = new ImportRuns(jdbc, clock);
        this.positions = new ListingPositions(jdbc, clock);
        this.seen = new SeenObjects(jdbc, clock);
    }
}
