package org.ahibridge.ledger;

import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.ledger.testing.PostgresAvailable;

/**
 * The ledger contract on PostgreSQL. A class of its own rather than a {@code @Nested} one beside
 * {@link LedgerTest}'s H2 variants: Surefire merges same-named tests of one test class in its totals, and would
 * drop these there whenever they are skipped.
 */
@Requires(PostgresAvailable.class)
class LedgerOnPostgresTest extends LedgerContract {

    @Override
    LedgerDatabase createDatabase() {
        return LedgerDatabase.postgres();
    }
}
