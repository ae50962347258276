package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.ahibridge.audit.RunReportWriter;
import org.ahibridge.ledger.ImportRun.RunState;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollingRunsTest {

    @TempDir
    Path audit;

    Ledger ledger;
    PollingRuns polling;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(false));
        polling = new PollingRuns(ledger.runs, new RunReportWriter(audit, ledger.clock), "poll-test");
    }

    @AfterEach
    void tearDown() {
        ledger.database.close();
    }

    @Test
    void shouldCompleteARunOnlyWhenTheSourceIsQuietAndEveryObjectHasAnOutcome() {
        String run = polling.current("inbox", "", "local");
        long object = take(run, "a.dcm");
        polling.passed("inbox", false);
        assertThat(polling.completeFinished()).isEmpty();

        polling.passed("inbox", true);
        assertThat(polling.completeFinished()).as("the object has no outcome yet").isEmpty();

        ledger.transitions.finish(object, Outcome.SKIPPED_NOT_P10, "NO_P10_HEADER: not DICOM");
        polling.announced("inbox");
        assertThat(polling.completeFinished()).as("an event announced a new object").isEmpty();

        polling.passStarted("inbox");
        assertThat(polling.completeFinished()).as("a pass is under way (or failed half-way)").isEmpty();

        polling.passed("inbox", true);
        assertThat(polling.completeFinished()).singleElement()
                .satisfies(report -> assertThat(report).hasFileName(run + ".json").exists())
                .satisfies(report -> assertThat(report.resolveSibling(run + ".csv")).exists());
        assertThat(ledger.runs.find(run).orElseThrow().state()).isEqualTo(RunState.COMPLETED);
        assertThat(polling.current("inbox", "", "local")).as("the next object starts a new run").isNotEqualTo(run);
    }

    @Test
    void shouldNotEndARunThatTookNothing() {
        String run = polling.current("inbox", "", "local");
        polling.passed("inbox", true);

        assertThat(polling.completeFinished()).isEmpty();
        assertThat(ledger.runs.find(run).orElseThrow().state()).isEqualTo(RunState.RUNNING);
        assertThat(polling.current("inbox", "", "local")).isEqualTo(run);
    }

    @Test
    void shouldWriteAReportThatFailedOnALaterCall() throws IOException {
        String run = polling.current("inbox", "", "local");
        ledger.transitions.finish(take(run, "a.dcm"), Outcome.SKIPPED_BY_RULE, "excluded");
        polling.passed("inbox", true);
        Files.writeString(audit.resolve("runs"), "a file where the reports folder should be");

        assertThat(polling.completeFinished()).isEmpty();
        assertThat(ledger.runs.find(run).orElseThrow().state()).isEqualTo(RunState.COMPLETED);

        Files.delete(audit.resolve("runs"));
        assertThat(polling.completeFinished()).singleElement()
                .satisfies(report -> assertThat(report).hasFileName(run + ".json"));
    }

    private long take(String run, String key) {
        return ledger.objects.discover(run, new ObjectVersion("inbox", key, "v1", 10, Instant.EPOCH), "local")
                .object().id();
    }
}
