package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.ahi.AhiOperations;
import org.ahibridge.ahi.ImportJob;
import org.ahibridge.ahi.ImportJobRequest;
import org.ahibridge.audit.AuditRecord;
import org.ahibridge.ledger.WorkLeases;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.FileBlobStore;
import org.ahibridge.storage.S3Connection;
import org.ahibridge.storage.StorageRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How often the {@link JobDriver} calls GetDICOMImportJob: at every step without job events; with
 * {@link JobSignals} only once an event arrived for the job, or once the fallback interval passed.
 */
class JobDriverFollowUpTest {

    @TempDir
    Path temp;

    Ledger ledger;
    FileBlobStore source;
    FileBlobStore staging;
    FileBlobStore output;
    ScriptedAhi ahi;
    int gets;
    final List<AuditRecord> audit = new ArrayList<>();
    final DatastoreRegistration datastore = new DatastoreRegistration("main", ImportCoreFlowTest.DS, null, null,
            "arn:aws:iam::123456789012:role/ImportJobDataAccessRole",
            new StorageRegistration("staging", ImportCoreFlowTest.STAGING, AccessMode.READ_WRITE,
                    S3Connection.AWS_DEFAULT, false),
            new StorageRegistration("output", ImportCoreFlowTest.OUTPUT, AccessMode.READ, S3Connection.AWS_DEFAULT,
                    false),
            AccessMode.READ_WRITE);

    /** ScriptedAhi, counting GetDICOMImportJob calls. */
    final AhiOperations counting = new AhiOperations() {
        @Override
        public ImportJob startImportJob(ImportJobRequest request) {
            return ahi.startImportJob(request);
        }

        @Override
        public ImportJob getImportJob(String datastoreId, String jobId) {
            gets++;
            return ahi.getImportJob(datastoreId, jobId);
        }
    };

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(true));
        source = new FileBlobStore(temp.resolve("source"));
        staging = new FileBlobStore(temp.resolve("staging"));
        output = new FileBlobStore(temp.resolve("output"));
        ahi = new ScriptedAhi(staging, ImportCoreFlowTest.STAGING.path(), output, ImportCoreFlowTest.OUTPUT.uri());
        ledger.runs.start("run-1", "inbox", "", "main");
        BatchAssembler assembler = new BatchAssembler(ledger.batches, ledger.transitions, ledger.transactions,
                new BatchPolicy(10, 10_000, 10_000, Duration.ofMinutes(5), 0), new BatchIds(ledger.clock), ledger.clock);
        for (int i = 0; i < 3; i++) {
            byte[] content = ImportCoreFlowTest.dicomLike();
            String key = "scan-" + i + ".dcm";
            source.write(key, new ByteArrayInputStream(content), content.length);
            var info = source.stat(key).orElseThrow();
            long id = ledger.objects.discover("run-1", new ObjectVersion("inbox", key, info.version(), info.size(),
                    info.lastModified()), "main").object().id();
            ledger.transitions.classify(id, Verdict.compliant("1.2.3." + i, "1.2", "1.2.1", "1.2.840.10008.1.2.1"));
            assembler.add(ledger.objects.find(id).orElseThrow());
        }
        ledger.batches.seal(ledger.batches.findOpen("main").orElseThrow().id());
    }

    @AfterEach
    void tearDown() {
        ledger.database.close();
    }

    JobDriver driver(JobChecks checks) {
        AuditedOutcomes outcomes = new AuditedOutcomes(ledger.objects, ledger.transitions, audit::add, ledger.clock);
        // Sources are any other registration: the test's one source folder.
        DatastoreStores stores = new DatastoreStores(name -> datastore,
                storage -> new StorageRegistration(storage, ImportCoreFlowTest.STAGING, AccessMode.READ,
                        S3Connection.AWS_DEFAULT, false),
                registration -> registration == datastore.staging() ? staging
                        : registration == datastore.output() ? output : source);
        StorageFaults faults = new StorageFaults(20);
        BatchClaims claims = new BatchClaims(
                new WorkLeases(ledger.database.jdbc(), ledger.clock, "test-instance", Duration.ofMinutes(5)));
        JobCleanup cleanup = new JobCleanup(ledger.batches, new StagingCleaner(), stores, faults);
        StagingStep staging = new StagingStep(claims,
                new BatchStager(ledger.objects, ledger.transitions, ledger.batches, outcomes), stores, faults,
                ledger.batches);
        JobStartStep starts = new JobStartStep(claims,
                new ImportJobStarter(d -> counting, ledger.batches, ledger.transitions, ledger.transactions, 50),
                new BatchFailure(ledger.objects, outcomes, ledger.batches, cleanup), ledger.batches, 20);
        JobFollowStep follows = new JobFollowStep(claims, checks, d -> counting,
                new JobCompletion(new JobAccounting(ledger.objects, ledger.transitions, ledger.batches,
                        new ManifestReader(new ObjectMapper()), new ManifestJoin(3), outcomes), stores, faults,
                        cleanup, ledger.batches));
        return new JobDriver(ledger.batches, new SequentialAdvance(ledger.batches, staging, starts, follows),
                Duration.ofSeconds(1));
    }

    void step(JobDriver driver) throws Exception {
        driver.step(datastore, name -> false);
    }

    Batch batch() {
        return ledger.batches.inState(BatchState.SUBMITTED).stream().findFirst()
                .or(() -> ledger.batches.inState(BatchState.COMPLETED).stream().findFirst()).orElseThrow();
    }

    List<Outcome> outcomes() {
        return ledger.objects.inBatch(batch().id()).stream().map(SourceObject::outcome).toList();
    }

    @Test
    void shouldAskAhiAtEveryStepWithoutJobEvents() throws Exception {
        step(driver(JobChecks.everyStep()));

        assertThat(gets).isEqualTo(1);
        assertThat(batch().state()).isEqualTo(BatchState.COMPLETED);
        assertThat(outcomes()).containsOnly(Outcome.IMPORTED).hasSize(3);
    }

    @Test
    void shouldAskAhiOnlyOnceTheJobsEventArrived() throws Exception {
        JobSignals signals = new JobSignals(ledger.clock, Duration.ofMinutes(5));
        JobDriver driver = driver(signals);
        step(driver);
        step(driver);
        step(driver);
        assertThat(batch().state()).isEqualTo(BatchState.SUBMITTED);
        assertThat(gets).isZero();

        signals.jobFinished(batch().jobId());
        step(driver);

        assertThat(gets).isEqualTo(1);
        assertThat(batch().state()).isEqualTo(BatchState.COMPLETED);
        assertThat(outcomes()).containsOnly(Outcome.IMPORTED).hasSize(3);
        assertThat(signals.noted(batch().jobId())).isFalse();
    }

    @Test
    void shouldFallBackToGetDicomImportJobWhenTheEventIsLost() throws Exception {
        JobDriver driver = driver(new JobSignals(ledger.clock, Duration.ofMinutes(5)));
        step(driver);
        ledger.clock.advance(Duration.ofMinutes(4));
        step(driver);
        assertThat(gets).isZero();

        ledger.clock.advance(Duration.ofMinutes(1));
        step(driver);

        assertThat(gets).isEqualTo(1);
        assertThat(batch().state()).isEqualTo(BatchState.COMPLETED);
    }
}
