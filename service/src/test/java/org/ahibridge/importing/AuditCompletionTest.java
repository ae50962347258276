package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.audit.AuditSink;
import org.ahibridge.audit.AuditWriteException;
import org.ahibridge.ledger.AuditBacklog;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An outcome whose audit line a full disk refused gets its line from the next process, once. */
class AuditCompletionTest {

    Ledger ledger;
    AuditBacklog backlog;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(true));
        backlog = new AuditBacklog(ledger.database.jdbc());
        ledger.runs.start("run-1", "inbox", "", "main");
    }

    @AfterEach
    void tearDown() {
        ledger.database.close();
    }

    long discovered(String key) {
        return ledger.objects.discover("run-1", new ObjectVersion("inbox", key, "v1", 10, Instant.EPOCH), "main")
                .object().id();
    }

    static AuditSink fullDisk() {
        return record -> {
            throw new AuditWriteException("cannot write the audit log: No space left on device",
                    new IOException("No space left on device"));
        };
    }

    @Test
    void shouldStopTheRunAndWriteTheRefusedLineInTheNextProcessBeforeItsOwn() {
        long first = discovered("a.dcm");
        long second = discovered("b.dcm");
        AuditedOutcomes full = new AuditedOutcomes(ledger.objects, ledger.transitions, fullDisk(), ledger.clock,
                backlog);

        assertThatThrownBy(() -> full.finish(first, Outcome.SKIPPED_NOT_P10, "no preamble"))
                .isInstanceOf(AuditWriteException.class).hasMessageContaining("No space left on device");
        assertThat(ledger.objects.find(first).orElseThrow().outcome()).isEqualTo(Outcome.SKIPPED_NOT_P10);
        assertThat(backlog.oldest(10)).hasSize(1);

        List<AuditRecord> lines = new ArrayList<>();
        AuditedOutcomes nextProcess = new AuditedOutcomes(ledger.objects, ledger.transitions, lines::add,
                ledger.clock, backlog);
        nextProcess.finish(second, Outcome.FAILED, "could not read the object");
        nextProcess.finish(second, Outcome.FAILED, "a second time: no change, no line");

        assertThat(lines).extracting(AuditRecord::key, AuditRecord::outcome, AuditRecord::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.dcm", Outcome.SKIPPED_NOT_P10, "no preamble"),
                org.assertj.core.groups.Tuple.tuple("b.dcm", Outcome.FAILED, "could not read the object"));
        assertThat(lines.get(0).runId()).isEqualTo("run-1");
        assertThat(backlog.oldest(10)).isEmpty();
        assertThat(nextProcess.completeAudit()).isZero();
    }
}
