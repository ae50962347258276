package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.importing.IncrementalLister.PageResult;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Discovery;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.FileBlobStore;
import org.ahibridge.storage.S3Connection;
import org.ahibridge.storage.StorageLocation;
import org.ahibridge.storage.StorageProvider;
import org.ahibridge.storage.StorageRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camel-free steps composed in order, as the routes will call them: list, filter, classify, batch,
 * stage, start jobs, account. Checks that every object ends with exactly one outcome, that no batch
 * exceeds its limit, and that a second run imports nothing and reports ALREADY_IMPORTED.
 */
class ImportCoreFlowTest {

    static final String DS = "0123456789abcdef0123456789abcdef";
    static final StorageLocation STAGING = new StorageLocation(StorageProvider.S3, "staging-bucket", "ahi-staging/");
    static final StorageLocation OUTPUT = new StorageLocation(StorageProvider.S3, "output-bucket", "out/");

    @TempDir
    Path temp;

    Ledger ledger;
    FileBlobStore source;
    FileBlobStore staging;
    FileBlobStore output;
    ScriptedAhi ahi;
    final List<AuditRecord> audit = new ArrayList<>();
    final DatastoreRegistration datastore = new DatastoreRegistration("main", DS, null, null,
            "arn:aws:iam::123456789012:role/ImportJobDataAccessRole",
            new StorageRegistration("staging", STAGING, AccessMode.READ_WRITE, S3Connection.AWS_DEFAULT, false),
            new StorageRegistration("output", OUTPUT, AccessMode.READ, S3Connection.AWS_DEFAULT, false),
            AccessMode.READ_WRITE);

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(true));
        source = new FileBlobStore(temp.resolve("source"));
        staging = new FileBlobStore(temp.resolve("staging"));
        output = new FileBlobStore(temp.resolve("output"));
        ahi = new ScriptedAhi(staging, STAGING.path(), output, OUTPUT.uri());
        for (int i = 0; i < 23; i++) {
            put("study " + (i % 3) + "/ü-" + i + ".dcm", dicomLike());
        }
        put("notes.txt", "plain text".getBytes(StandardCharsets.UTF_8));
        put("empty.dcm", new byte[0]);
        put("bad-header.dcm", dicomLike());
        put("DICOMDIR", dicomLike());
        put("upload.dcm.part", dicomLike());
    }

    @AfterEach
    void tearDown() {
        ledger.database.close();
    }

    void put(String key, byte[] content) {
        source.write(key, new ByteArrayInputStream(content), content.length);
    }

    static byte[] dicomLike() {
        byte[] bytes = new byte[200];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, bytes, 128, 4);
        return bytes;
    }

    // Stands in for the P10 classifier (another module): a ranged read of the 'DICM' prefix only.
    Verdict classify(String key) throws IOException {
        try (InputStream header = source.openRange(key, 128, 132)) {
            boolean dicm = new String(header.readAllBytes(), StandardCharsets.US_ASCII).equals("DICM");
            return dicm ? Verdict.compliant("1.2.3", "1.2", "1.2.1", "1.2.840.10008.1.2.1")
                    : Verdict.notCompliant("NO_DICM_PREFIX", "Missing 'DICM' prefix at offset 128");
        }
    }

    Map<Outcome, Integer> run(String runId) throws IOException {
        ledger.runs.start(runId, "inbox", "", "main");
        AuditedOutcomes outcomes = new AuditedOutcomes(ledger.objects, ledger.transitions, audit::add, ledger.clock);
        IncrementalLister lister = new IncrementalLister(ledger.positions, ledger.seen, ledger.objects,
                new StabilityRule(Duration.ofMillis(1), new TemporaryNames(List.of("*.part"))), outcomes, ledger.clock, 4);
        ImportRules rules = new ImportRules(List.of(), List.of("**/DICOMDIR", "DICOMDIR"), 0, -1);
        RuleSkips skips = new RuleSkips(ledger.transitions, ledger.transactions, outcomes);
        VerdictRecorder recorder = new VerdictRecorder(ledger.transitions, outcomes);
        BatchAssembler assembler = new BatchAssembler(ledger.batches, ledger.transitions, ledger.transactions,
                new BatchPolicy(5, 10_000, 10_000, Duration.ofMinutes(5), 0), new BatchIds(ledger.clock), ledger.clock);
        ledger.clock.advance(Duration.ofDays(400));

        PageResult page;
        do {
            page = lister.nextPage(runId, source, "inbox", "", "main", true);
            for (Discovery discovery : page.taken()) {
                SourceObject object = discovery.object();
                Optional<String> excluded = rules.exclusion(object.key(), object.size());
                if (excluded.isPresent()) {
                    skips.skip(object, null, excluded.get());
                } else if (recorder.record(object.id(), classify(object.key())) == VerdictRecorder.Next.BATCH) {
                    assembler.add(ledger.objects.find(object.id()).orElseThrow());
                }
            }
        } while (!page.passCompleted());
        ledger.clock.advance(Duration.ofMinutes(6));
        assembler.sealExpired();

        BatchStager stager = new BatchStager(ledger.objects, ledger.transitions, ledger.batches, outcomes);
        ImportJobStarter starter = new ImportJobStarter(d -> ahi, ledger.batches, ledger.transitions,
                ledger.transactions, 50);
        JobAccounting accounting = new JobAccounting(ledger.objects, ledger.transitions, ledger.batches,
                new ManifestReader(new ObjectMapper()), new ManifestJoin(3), outcomes);
        for (Batch sealed : ledger.batches.inState(BatchState.SEALED)) {
            stager.stage(sealed, staging, STAGING, storage -> source);
        }
        for (Batch staged : ledger.batches.inState(BatchState.STAGED)) {
            starter.start(staged, datastore);
        }
        for (Batch submitted : ledger.batches.inState(BatchState.SUBMITTED)) {
            accounting.account(submitted, ahi.getImportJob(DS, submitted.jobId()), output, OUTPUT);
        }
        assertThat(ledger.runs.pendingCount(runId)).isZero();
        return ledger.runs.outcomeCounts(runId);
    }

    @Test
    void shouldGiveEveryObjectExactlyOneOutcomeAndImportNothingTwice() throws IOException {
        Map<Outcome, Integer> first = run("run-1");
        int jobsAfterFirstRun = ahi.starts;
        Map<Outcome, Integer> second = run("run-2");

        assertThat(first).isEqualTo(Map.of(Outcome.IMPORTED, 23, Outcome.FAILED, 1, Outcome.SKIPPED_NOT_P10, 2,
                Outcome.SKIPPED_BY_RULE, 1));
        assertThat(second).isEqualTo(Map.of(Outcome.ALREADY_IMPORTED, 23, Outcome.FAILED, 1,
                Outcome.SKIPPED_NOT_P10, 2, Outcome.SKIPPED_BY_RULE, 1));
        assertThat(jobsAfterFirstRun).isEqualTo(5);
        assertThat(ahi.starts).isEqualTo(jobsAfterFirstRun);
        assertThat(ledger.batches.inState(BatchState.COMPLETED)).hasSize(5)
                .allSatisfy(b -> assertThat(b.fileCount()).isLessThanOrEqualTo(5));
        assertThat(audit).hasSize(27 + 27);
        assertThat(audit.subList(27, 54)).filteredOn(r -> r.outcome() == Outcome.ALREADY_IMPORTED).hasSize(23)
                .allSatisfy(r -> assertThat(r.reason()).isEqualTo("imported before by run run-1"));
        assertThat(ledger.runs.files("run-1")).filteredOn(f -> f.outcome() == Outcome.FAILED).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("ValidationException"));
    }
}
