package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.importing.VerdictRecorder.Next;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerdictRecorderTest {

    Ledger ledger;
    final List<AuditRecord> audit = new ArrayList<>();
    VerdictRecorder recorder;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(false));
        ledger.runs.start("run-1", "inbox", "", "main");
        recorder = new VerdictRecorder(ledger.transitions,
                new AuditedOutcomes(ledger.objects, ledger.transitions, audit::add, ledger.clock));
    }

    @AfterEach
    void tearDown() {
        ledger.database.close();
    }

    SourceObject discovered(String key) {
        return ledger.objects.discover("run-1", new ObjectVersion("inbox", key, "e", 10, Instant.EPOCH), "main").object();
    }

    @Test
    void shouldSendACompliantFileOnToBatchingWithItsUids() {
        SourceObject file = discovered("a.dcm");

        assertThat(recorder.record(file.id(), Verdict.compliant("1.2.3", "1.2", "1.2.1", "1.2.840.10008.1.2.1")))
                .isEqualTo(Next.BATCH);
        assertThat(recorder.record(file.id(), Verdict.compliant("1.2.3", "1.2", "1.2.1", "1.2.840.10008.1.2.1")))
                .isEqualTo(Next.ALREADY_HANDLED);
        assertThat(ledger.objects.find(file.id()).orElseThrow().verdict().sopInstanceUid()).isEqualTo("1.2.3");
        assertThat(audit).isEmpty();
    }

    @Test
    void shouldSkipANonCompliantFileWithTheClassifiersReason() {
        SourceObject file = discovered("notes.txt");

        Next next = recorder.record(file.id(), Verdict.notCompliant("NO_DICM_PREFIX",
                "Missing 'DICM' prefix at offset 128; not a DICOM Part 10 file"));

        assertThat(next).isEqualTo(Next.SKIPPED);
        assertThat(ledger.runs.outcomeCounts("run-1")).isEqualTo(Map.of(Outcome.SKIPPED_NOT_P10, 1));
        assertThat(audit).singleElement().satisfies(r -> assertThat(r.reason())
                .isEqualTo("NO_DICM_PREFIX: Missing 'DICM' prefix at offset 128; not a DICOM Part 10 file"));
    }

    @Test
    void shouldGiveTheVerdictAsValidObjectTags() {
        assertThat(VerdictRecorder.tags(Verdict.notCompliant("BAD#REASON", "m")))
                .containsExactly(Map.entry("ahi-bridge-p10", "not-compliant"), Map.entry("ahi-bridge-p10-reason", "BAD_REASON"));
        assertThat(VerdictRecorder.tags(Verdict.compliant("1", "2", "3", "4")))
                .containsExactly(Map.entry("ahi-bridge-p10", "compliant"));
    }
}
