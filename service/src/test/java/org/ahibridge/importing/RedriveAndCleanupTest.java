package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.storage.FileBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedriveAndCleanupTest {

    @Test
    void shouldRedriveOnlyFailedObjectsOfTheChosenStorage() {
        Ledger ledger = new Ledger(LedgerDatabase.h2(true));
        try {
            ledger.runs.start("run-1", "inbox", "", "main");
            long failedCompliant = failed(ledger, "inbox", "a.dcm", true);
            long failedUnclassified = failed(ledger, "inbox", "b.dcm", false);
            failed(ledger, "other", "c.dcm", true);
            ledger.runs.start("redrive-1", "inbox", "", "main");

            int count = new Redrive(ledger.objects, ledger.transitions).redrive("redrive-1", "inbox", 100);

            assertThat(count).isEqualTo(2);
            assertThat(ledger.objects.find(failedCompliant).orElseThrow().state()).isEqualTo(WorkState.CLASSIFIED);
            assertThat(ledger.objects.find(failedUnclassified).orElseThrow().state()).isEqualTo(WorkState.DISCOVERED);
            assertThat(ledger.objects.failed(null, 100)).hasSize(1);
            assertThat(ledger.runs.outcomeCounts("run-1")).isEqualTo(Map.of(Outcome.FAILED, 3));
            assertThat(ledger.runs.pendingCount("redrive-1")).isEqualTo(2);
        } finally {
            ledger.database.close();
        }
    }

    static long failed(Ledger ledger, String storage, String key, boolean compliant) {
        long id = ledger.objects.discover("run-1", new ObjectVersion(storage, key, "e", 1, Instant.EPOCH), "main")
                .object().id();
        if (compliant) {
            ledger.transitions.classify(id, Verdict.compliant("1", "2", "3", "4"));
        }
        ledger.transitions.finish(id, Outcome.FAILED, "import job j failed: Access denied");
        return id;
    }

    @Test
    void shouldDeleteEverythingUnderAFinishedBatchFolderOnly(@TempDir Path folder) {
        FileBlobStore staging = new FileBlobStore(folder);
        for (int i = 0; i < 2_500; i++) {
            staging.write("B1/" + i + "-x.dcm", new ByteArrayInputStream(new byte[] {1}), 1);
        }
        staging.write("B2/1-y.dcm", new ByteArrayInputStream(new byte[] {1}), 1);
        StagingCleaner cleaner = new StagingCleaner();

        assertThatThrownBy(() -> cleaner.clean(batch("B1", BatchState.SUBMITTED), staging))
                .hasMessageContaining("only COMPLETED or FAILED");
        int deleted = cleaner.clean(batch("B1", BatchState.COMPLETED), staging);

        assertThat(deleted).isEqualTo(2_500);
        assertThat(staging.list("", null, 10).objects()).extracting(o -> o.key()).containsExactly("B2/1-y.dcm");
    }

    static Batch batch(String id, BatchState state) {
        return new Batch(id, "main", state, 0, 0, "ahi-staging/" + id + "/", "job", id, 1, null, Instant.EPOCH,
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
    }
}
