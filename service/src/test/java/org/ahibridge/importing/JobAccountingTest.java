package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ahibridge.ahi.ImportJobStatus;
import org.ahibridge.audit.JsonLinesAuditSink;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.storage.StorageUris;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class JobAccountingTest {

    static final List<String> STAGING_KEYS = List.of("ahi-staging/B1/1-a.dcm", "ahi-staging/B1/2-b!20c!C3!BC.dcm",
            "ahi-staging/B1/3-c.dcm", "ahi-staging/B1/4-d.dcm", "ahi-staging/B1/5-e.dcm", "ahi-staging/B1/6-f.dcm");

    @TempDir
    Path audit;

    Ledger ledger;
    JsonLinesAuditSink sink;
    JobAccounting accounting;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(false));
        sink = new JsonLinesAuditSink(audit);
        accounting = new JobAccounting(ledger.objects, ledger.transitions, ledger.batches,
                new ManifestReader(new ObjectMapper()), new ManifestJoin(3),
                new AuditedOutcomes(ledger.objects, ledger.transitions, sink, ledger.clock));
        ledger.runs.start("run-1", "landing", "", "main");
        ledger.batches.open("B1", "main");
        for (String stagingKey : STAGING_KEYS) {
            long id = ledger.objects.discover("run-1", new ObjectVersion("landing", "src/" + stagingKey, "e", 10,
                    Instant.EPOCH), "main").object().id();
            ledger.transitions.classify(id, Verdict.compliant("1.2." + id, "1.2", "1.2.1", "1.2.840.10008.1.2.1"));
            ledger.batches.reserve("B1", 10, 100, 1000);
            ledger.transitions.assignBatch(id, "B1");
            ledger.transitions.staged(id, stagingKey);
        }
        ledger.batches.seal("B1");
        ledger.batches.staged("B1", "ahi-staging/B1/");
        ledger.batches.submitted("B1", Fixtures.JOB);
        ledger.transitions.submitted("B1", Fixtures.JOB);
    }

    @AfterEach
    void tearDown() {
        sink.close();
        ledger.database.close();
    }

    @Test
    void shouldRecordAnOutcomeForEveryFileOfACompletedJobWithFailures() throws IOException {
        accounting.account(ledger.batches.find("B1").orElseThrow(),
                Fixtures.job(ImportJobStatus.COMPLETED, "s3://output-bucket/out/", null),
                Fixtures.output("completed-with-failures"), StorageUris.parse("s3://output-bucket/out/"));

        assertThat(ledger.runs.outcomeCounts("run-1")).isEqualTo(Map.of(Outcome.IMPORTED, 2,
                Outcome.IMPORTED_WITH_WARNINGS, 1, Outcome.FAILED, 2));
        SourceObject nonPrimary = ledger.objects.inBatch("B1").stream()
                .filter(o -> o.stagingKey().startsWith("ahi-staging/B1/2-")).findFirst().orElseThrow();
        assertThat(nonPrimary.isPrimary()).isFalse();
        assertThat(nonPrimary.imageSetId()).isEqualTo("b".repeat(32));
        assertThat(ledger.objects.inState(WorkState.CLASSIFIED, 10)).singleElement()
                .satisfies(o -> assertThat(o.attempts()).isEqualTo(1))
                .satisfies(o -> assertThat(o.key()).endsWith("5-e.dcm"));
        assertThat(ledger.batches.find("B1").orElseThrow().state()).isEqualTo(BatchState.COMPLETED);
        List<String> lines = Files.readAllLines(sink.fileFor(LocalDate.of(2026, 1, 2)));
        assertThat(lines).hasSize(5);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"outcome\":\"FAILED\"")
                .contains("\"reason\":\"not reported by import job " + Fixtures.JOB + "\""));
    }

    @Test
    void shouldAcceptAnEventOutputUriWithTheJobFolderAlreadyAppended() throws IOException {
        String withFolder = "s3://output-bucket/out/" + Fixtures.DS + "-DicomImport-" + Fixtures.JOB + "/";

        accounting.account(ledger.batches.find("B1").orElseThrow(),
                Fixtures.job(ImportJobStatus.COMPLETED, withFolder, null),
                Fixtures.output("completed-with-failures"), StorageUris.parse("s3://output-bucket/out/"));

        assertThat(ledger.runs.outcomeCounts("run-1")).containsEntry(Outcome.IMPORTED, 2);
    }

    @Test
    void shouldFailEveryFileOfAFailedJobThatWroteNothing(@TempDir Path emptyOutput) throws IOException {
        accounting.account(ledger.batches.find("B1").orElseThrow(),
                Fixtures.job(ImportJobStatus.FAILED, "s3://output-bucket/out/", "Access denied"),
                new org.ahibridge.storage.FileBlobStore(emptyOutput), StorageUris.parse("s3://output-bucket/out/"));

        assertThat(ledger.runs.outcomeCounts("run-1")).isEqualTo(Map.of(Outcome.FAILED, 6));
        assertThat(ledger.runs.pendingCount("run-1")).isZero();
        assertThat(ledger.batches.find("B1").orElseThrow())
                .satisfies(b -> assertThat(b.state()).isEqualTo(BatchState.FAILED))
                .satisfies(b -> assertThat(b.failureReason()).isEqualTo("Access denied"));
    }
}
