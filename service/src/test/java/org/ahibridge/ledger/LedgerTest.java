package org.ahibridge.ledger;

import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.Nested;

/** The same ledger contract on every database the migrations support; PostgreSQL: {@link LedgerOnPostgresTest}. */
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
}
