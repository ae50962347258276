package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.WorkLeases;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claim of a batch step: the ledger lease names the instance, so two threads of one instance would both
 * win it; the claim keeps the second thread off too, and gives the batch back to both once released. Another
 * instance is kept off by the lease.
 */
class BatchClaimsTest {

    Ledger ledger;
    Batch sealed;

    @BeforeEach
    void sealedBatch() {
        ledger = new Ledger(LedgerDatabase.h2(true));
        ledger.batches.open("batch-1", "main");
        ledger.batches.seal("batch-1");
        sealed = ledger.batches.find("batch-1").orElseThrow();
    }

    @AfterEach
    void close() {
        ledger.database.close();
    }

    BatchClaims instance(String owner) {
        return new BatchClaims(new WorkLeases(ledger.database.jdbc(), ledger.clock, owner, Duration.ofMinutes(1)));
    }

    @Test
    void shouldLetOneThreadOfAnInstanceWorkOnABatchAtATime() {
        BatchClaims claims = instance("a");

        assertThat(claims.claim(sealed)).as("first thread").isTrue();
        assertThat(claims.claim(sealed)).as("second thread of the same instance").isFalse();
        claims.release(sealed.id());
        assertThat(claims.claim(sealed)).as("after the release").isTrue();
    }

    @Test
    void shouldKeepAnotherInstanceOffUntilTheBatchIsReleasedOrItsLeaseExpired() {
        BatchClaims a = instance("a");
        BatchClaims b = instance("b");

        assertThat(a.claim(sealed)).isTrue();
        assertThat(b.claim(sealed)).isFalse();
        assertThat(b.claim(sealed)).as("a failed claim leaves nothing behind in the process").isFalse();
        ledger.clock.advance(Duration.ofMinutes(2));
        assertThat(b.claim(sealed)).as("a's lease expired (a crashed)").isTrue();
    }

    @Test
    void shouldNotClaimABatchThatMovedOnSinceItWasRead() {
        BatchClaims claims = instance("a");
        ledger.batches.staged("batch-1", "stage/batch-1/");

        assertThat(claims.claim(sealed)).as("listed SEALED, STAGED now").isFalse();
    }
}
