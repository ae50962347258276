package org.ahibridge.ledger.testing;

import java.time.Instant;

import org.ahibridge.ledger.Batches;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.ledger.ListingPositions;
import org.ahibridge.ledger.ObjectTransitions;
import org.ahibridge.ledger.SeenObjects;
import org.ahibridge.ledger.SourceObjects;
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
        this.database = database;
        this.transactions = database.transactions();
        this.objects = new SourceObjects(database.jdbc(), clock);
        this.transitions = new ObjectTransitions(database.jdbc(), clock, transactions, objects);
        this.batches = new Batches(database.jdbc(), clock);
        this.runs = new ImportRuns(database.jdbc(), clock);
        this.positions = new ListingPositions(database.jdbc(), clock);
        this.seen = new SeenObjects(database.jdbc(), clock);
    }
}
