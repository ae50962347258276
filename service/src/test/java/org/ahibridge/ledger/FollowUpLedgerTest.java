package org.ahibridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.ahibridge.ledger.NonPrimaryImageSet.TagState;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reconciliation list and the source tag results on every database the migrations support. */
class FollowUpLedgerTest {

    static Stream<String> databases() {
        return Stream.of("h2", "h2-postgres-mode", "postgres");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shouldRecordANonPrimaryImageSetOnceAndCountItsFilesFromTheLedger(String kind) {
        try (LedgerDatabase database = open(kind)) {
            Ledger ledger = new Ledger(database);
            NonPrimaryImageSets sets = new NonPrimaryImageSets(database.jdbc(), ledger.clock);
            ledger.runs.start("run-1", "landing", "", "main");
            long primaryFile = imported(ledger, "a.dcm", "p".repeat(32), true);
            long conflicting = imported(ledger, "b.dcm", "n".repeat(32), false);
            imported(ledger, "c.dcm", "n".repeat(32), false);

            assertThat(sets.primaryOf("main", "1.2.3")).contains("p".repeat(32));
            assertThat(sets.primaryOf("other", "1.2.3")).isEmpty();
            assertThat(sets.record(set(1))).isTrue();
            assertThat(sets.record(set(1))).as("a second recording, as when a job is accounted again").isFalse();
            assertThat(sets.find("main", "n".repeat(32)).orElseThrow().fileCount()).isEqualTo(2);

            sets.tagged("main", "n".repeat(32), TagState.FAILED, "throttled 5 times");
            ledger.objects.recordRunOutcome("run-1", conflicting, Outcome.IMPORTED, null);
            ledger.objects.recordRunOutcome("run-1", primaryFile, Outcome.IMPORTED, null);
            assertThat(sets.ofRun("run-1")).singleElement()
                    .satisfies(s -> assertThat(s.tagState()).isEqualTo(TagState.FAILED))
                    .satisfies(s -> assertThat(s.tagReason()).isEqualTo("throttled 5 times"));
            assertThat(sets.ofRun("run-2")).isEmpty();

            SourceTags tags = new SourceTags(database.jdbc(), ledger.clock);
            tags.record(conflicting, "UNSUPPORTED");
            tags.record(primaryFile, "APPLIED");
            assertThat(tags.counts("run-1")).isEqualTo(Map.of("APPLIED", 1, "UNSUPPORTED", 1));
        }
    }

    private static NonPrimaryImageSet set(int files) {
        return new NonPrimaryImageSet("main", "n".repeat(32), "p".repeat(32), "1.2.3", "run-1", "B1", "J1", files,
                TagState.PENDING, null, null);
    }

    private static long imported(Ledger ledger, String key, String imageSet, boolean primary) {
        long id = ledger.objects.discover("run-1", new ObjectVersion("landing", key, "v1", 10, Instant.EPOCH), "main")
                .object().id();
        ledger.transitions.classify(id, Verdict.compliant("1.2.3." + id, "1.2", "1.2.3", "1.2.840.10008.1.2.1"));
        ledger.database.jdbc().sql("update source_object set image_set_id = ?, is_primary = ? where object_id = ?")
                .params(imageSet, primary, id).update();
        return id;
    }

    private static LedgerDatabase open(String kind) {
        return switch (kind) {
            case "h2" -> LedgerDatabase.h2(false);
            case "h2-postgres-mode" -> LedgerDatabase.h2(true);
            default -> LedgerDatabase.postgres(); // skips this case, with the reason, where there is no PostgreSQL
        };
    }
}
