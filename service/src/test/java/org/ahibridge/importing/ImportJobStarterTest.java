package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ahibridge.ahi.AhiOperations;
import org.ahibridge.ahi.ImportJob;
import org.ahibridge.ahi.ImportJobRequest;
import org.ahibridge.ahi.ImportJobStatus;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.AccessModeException;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.S3Connection;
import org.ahibridge.storage.StorageRegistration;
import org.ahibridge.storage.StorageUris;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportJobStarterTest {

    /** Records requests; our own interface, not the SDK. */
    static final class RecordingAhi implements AhiOperations {
        final List<ImportJobRequest> requests = new ArrayList<>();

        @Override
        public ImportJob startImportJob(ImportJobRequest request) {
            requests.add(request);
            return new ImportJob(request.datastoreId(), "job" + requests.size(), ImportJobStatus.SUBMITTED,
                    request.inputS3Uri(), null, null, Instant.EPOCH, null);
        }

        @Override
        public ImportJob getImportJob(String datastoreId, String jobId) {
            throw new UnsupportedOperationException();
        }
    }

    Ledger ledger;
    RecordingAhi ahi = new RecordingAhi();

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(true));
        ledger.runs.start("run-1", "landing", "", "main");
    }

    @AfterEach
    void tearDown() {
        ledger.database.close();
    }

    static DatastoreRegistration datastore(AccessMode mode) {
        return new DatastoreRegistration("main", Fixtures.DS, "eu-west-1", null,
                "arn:aws:iam::123456789012:role/ImportJobDataAccessRole",
                new StorageRegistration("staging", StorageUris.parse("s3://staging-bucket/ahi-staging/"),
                        AccessMode.READ_WRITE, S3Connection.AWS_DEFAULT, false),
                new StorageRegistration("output", StorageUris.parse("s3://output-bucket/out/"), AccessMode.READ,
                        S3Connection.AWS_DEFAULT, false), mode);
    }

    void stagedBatch(String batchId) {
        long id = ledger.objects.discover("run-1", new ObjectVersion("landing", batchId + ".dcm", "e", 1, Instant.EPOCH),
                "main").object().id();
        ledger.transitions.classify(id, Verdict.compliant("1", "2", "3", "4"));
        ledger.batches.open(batchId, "main");
        ledger.batches.reserve(batchId, 1, 10, 10);
        ledger.transitions.assignBatch(id, batchId);
        ledger.transitions.staged(id, "ahi-staging/" + batchId + "/" + id + "-x.dcm");
        ledger.batches.seal(batchId);
        ledger.batches.staged(batchId, "ahi-staging/" + batchId + "/");
    }

    @Test
    void shouldStartTheJobWithTheBatchIdAsClientTokenAndItsOwnPrefixAsInput() {
        stagedBatch("B1");
        ImportJobStarter starter = new ImportJobStarter(d -> ahi, ledger.batches, ledger.transitions, ledger.transactions, 2);

        Optional<ImportJob> job = starter.start(ledger.batches.find("B1").orElseThrow(), datastore(AccessMode.WRITE));

        assertThat(job).isPresent();
        assertThat(ahi.requests).singleElement().satisfies(r -> {
            assertThat(r.clientToken()).isEqualTo("B1");
            assertThat(r.jobName()).isEqualTo("ahi-bridge-B1");
            assertThat(r.inputS3Uri()).isEqualTo("s3://staging-bucket/ahi-staging/B1/");
            assertThat(r.outputS3Uri()).isEqualTo("s3://output-bucket/out/");
            assertThat(r.datastoreId()).isEqualTo(Fixtures.DS);
        });
        assertThat(ledger.batches.find("B1").orElseThrow().state()).isEqualTo(BatchState.SUBMITTED);
        assertThat(ledger.objects.inBatch("B1")).allSatisfy(o -> {
            assertThat(o.state()).isEqualTo(WorkState.SUBMITTED);
            assertThat(o.jobId()).isEqualTo("job1");
        });
    }

    @Test
    void shouldHoldBackJobsOnceTheDatastoreRunsTheConfiguredMaximum() {
        stagedBatch("B1");
        stagedBatch("B2");
        ImportJobStarter starter = new ImportJobStarter(d -> ahi, ledger.batches, ledger.transitions, ledger.transactions, 1);

        starter.start(ledger.batches.find("B1").orElseThrow(), datastore(AccessMode.READ_WRITE));
        Optional<ImportJob> second = starter.start(ledger.batches.find("B2").orElseThrow(), datastore(AccessMode.READ_WRITE));

        assertThat(second).isEmpty();
        assertThat(ahi.requests).hasSize(1);
        assertThat(ledger.batches.find("B2").orElseThrow().state()).isEqualTo(BatchState.STAGED);
    }

    @Test
    void shouldRefuseAReadOnlyDatastoreBeforeCallingAhi() {
        stagedBatch("B1");
        ImportJobStarter starter = new ImportJobStarter(d -> ahi, ledger.batches, ledger.transitions, ledger.transactions, 5);

        assertThatThrownBy(() -> starter.start(ledger.batches.find("B1").orElseThrow(), datastore(AccessMode.READ)))
                .isInstanceOf(AccessModeException.class).hasMessageContaining("registered read-only");
        assertThat(ahi.requests).isEmpty();
    }
}
