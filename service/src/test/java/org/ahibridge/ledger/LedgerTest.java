package org.ahibridge.ledger;

import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;

/** The same ledger contract on every database the migrations support. */
class LedgerTest {

    @Nested
    class OnH2 extends LedgerContract {
        @Override
        LedgerDatabase createDatabase() {
            return LedgerDatabase.h2(false);
        }
    }

    @Nested
    class OnH2InPostgresMode extends LedgerContract {
        @Override
        LedgerDatabase createDatabase() {
            return LedgerDatabase.h2(true);
        }
    }

    @Nested
    class OnPostgres extends LedgerContract {
        @Override
        LedgerDatabase createDatabase() {
            Assumptions.assumeTrue(LedgerDatabase.postgresAvailable(), "PostgreSQL is not reachable on 127.0.0.1:5432");
            return LedgerDatabase.postgres();
        }
    }
}
