package org.ahibridge.ledger;

import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.ledger.testing.PostgresAvailable;

/**
 * The work-lease contract on PostgreSQL; a class of its own for the reason {@link LedgerOnPostgresTest} gives.
 */
@Requires(PostgresAvailable.class)
class WorkLeasesOnPostgresTest extends WorkLeasesTest.Contract {

    @Override
    LedgerDatabase createDatabase() {
        return LedgerDatabase.postgres();
    }
}
