package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ahibridge.ahi.AhiRejectedException;
import org.ahibridge.ahi.AhiTagging;
import org.ahibridge.ahi.AhiThrottledException;
import org.ahibridge.ahi.ImportJobStatus;
import org.ahibridge.audit.JsonLinesAuditSink;
import org.ahibridge.ledger.NonPrimaryImageSet;
import org.ahibridge.ledger.NonPrimaryImageSet.TagState;
import org.ahibridge.ledger.NonPrimaryImageSets;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.storage.StorageUris;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The non-primary policy over the "completed-with-failures" job output: file 2 of batch B1 went into
 * non-primary image set bbbb..., file 1 of the same series into primary image set aaaa...
 */
class NonPrimaryFollowUpTest {

    static final String NON_PRIMARY = "b".repeat(32);
    static final String PRIMARY = "a".repeat(32);

    @TempDir
    Path audit;

    Ledger ledger;
    JsonLinesAuditSink sink;
    NonPrimaryImageSets sets;
    ScriptedTagging ahi = new ScriptedTagging();
    List<Duration> pauses = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(false));
        sink = new JsonLinesAuditSink(audit);
        sets = new NonPrimaryImageSets(ledger.database.jdbc(), ledger.clock);
        ledger.runs.start("run-1", "landing", "", "main");
        ledger.batches.open("B1", "main");
        for (String stagingKey : JobAccountingTest.STAGING_KEYS) {
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
    void shouldListTheImageSetWithItsPrimaryWithoutTaggingUnderReport() throws IOException {
        account(NonPrimaryPolicy.REPORT);

        assertThat(sets.find("main", NON_PRIMARY)).get()
                .satisfies(s -> assertThat(s.primaryImageSetId()).isEqualTo(PRIMARY))
                .satisfies(s -> assertThat(s.tagState()).isEqualTo(TagState.NOT_REQUESTED))
                .satisfies(s -> assertThat(s.fileCount()).isEqualTo(1))
                .satisfies(s -> assertThat(s.jobId()).isEqualTo(Fixtures.JOB));
        assertThat(sets.ofRun("run-1")).extracting(NonPrimaryImageSet::imageSetId).containsExactly(NON_PRIMARY);
        assertThat(ahi.calls).isEmpty();
    }

    @Test
    void shouldTagTheImageSetOnceWithItsPrimaryAndRunUnderTag() throws IOException {
        account(NonPrimaryPolicy.TAG);
        account(NonPrimaryPolicy.TAG); // accounting repeated after a crash

        assertThat(ahi.calls).singleElement().satisfies(call -> {
            assertThat(call.arn()).isEqualTo(ScriptedTagging.DATASTORE_ARN + "/imageset/" + NON_PRIMARY);
            assertThat(call.tags()).isEqualTo(Map.of("ahi-bridge:non-primary", "true",
                    "ahi-bridge:primary-image-set", PRIMARY, "ahi-bridge:run", "run-1"));
        });
        assertThat(sets.find("main", NON_PRIMARY).orElseThrow().tagState()).isEqualTo(TagState.TAGGED);
        assertThat(sets.find("main", NON_PRIMARY).orElseThrow().fileCount()).isEqualTo(1);
    }

    @Test
    void shouldRetryThrottlingWithBackoff() throws IOException {
        ahi.throttled = 2;

        account(NonPrimaryPolicy.TAG);

        assertThat(ahi.calls).hasSize(1);
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(sets.find("main", NON_PRIMARY).orElseThrow().tagState()).isEqualTo(TagState.TAGGED);
    }

    @Test
    void shouldReportATagThatCannotBeWrittenAndKeepTheFileImported() throws IOException {
        ahi.throttled = 100;

        account(NonPrimaryPolicy.TAG);

        assertThat(sets.find("main", NON_PRIMARY).orElseThrow())
                .satisfies(s -> assertThat(s.tagState()).isEqualTo(TagState.FAILED))
                .satisfies(s -> assertThat(s.tagReason()).startsWith("throttled 4 times"));
        assertThat(ledger.runs.outcomeCounts("run-1")).containsEntry(Outcome.IMPORTED, 2);
        assertThat(ledger.batches.find("B1").orElseThrow().state()).isEqualTo(org.ahibridge.ledger.BatchState.COMPLETED);
    }

    @Test
    void shouldNotRetryARejectedTag() throws IOException {
        ahi.rejectWith = "User is not authorized to perform: medical-imaging:TagResource";

        account(NonPrimaryPolicy.TAG);

        assertThat(pauses).isEmpty();
        assertThat(sets.find("main", NON_PRIMARY).orElseThrow().tagReason()).contains("not authorized");
    }

    @Test
    void shouldKeepNoListUnderLeave() throws IOException {
        account(NonPrimaryPolicy.LEAVE);

        assertThat(sets.ofRun("run-1")).isEmpty();
        assertThat(ahi.calls).isEmpty();
        assertThat(ledger.objects.inBatch("B1")).anySatisfy(o -> assertThat(o.isPrimary()).isFalse());
    }

    private void account(NonPrimaryPolicy policy) throws IOException {
        NonPrimaryFollowUp followUp = new NonPrimaryFollowUp(policy, sets, name -> {
            assertThat(name).isEqualTo("main");
            return ahi;
        }, 4, Duration.ofMillis(10), pauses::add);
        JobAccounting accounting = new JobAccounting(ledger.objects, ledger.transitions, ledger.batches,
                new ManifestReader(new ObjectMapper()), new ManifestJoin(3),
                new AuditedOutcomes(ledger.objects, ledger.transitions, sink, ledger.clock), followUp);
        accounting.account(ledger.batches.find("B1").orElseThrow(),
                Fixtures.job(ImportJobStatus.COMPLETED, "s3://output-bucket/out/", null),
                Fixtures.output("completed-with-failures"), StorageUris.parse("s3://output-bucket/out/"));
    }

    /** AHI's tagging as a script: throttles the first calls, or rejects every call. */
    static final class ScriptedTagging implements AhiTagging {

        static final String DATASTORE_ARN = "arn:aws:medical-imaging:us-east-1:123456789012:datastore/" + Fixtures.DS;

        record Call(String arn, Map<String, String> tags) {
        }

        final List<Call> calls = new ArrayList<>();
        int throttled;
        String rejectWith;

        @Override
        public String imageSetArn(String datastoreId, String imageSetId) {
            assertThat(datastoreId).isEqualTo(Fixtures.DS);
            return DATASTORE_ARN + "/imageset/" + imageSetId;
        }

        @Override
        public void tagResource(String resourceArn, Map<String, String> tags) {
            if (rejectWith != null) {
                throw new AhiRejectedException("TagResource", "AccessDeniedException", 403, rejectWith, null);
            }
            if (throttled > 0) {
                throttled--;
                throw new AhiThrottledException("TagResource", "ThrottlingException", 429, "Rate exceeded", null);
            }
            calls.add(new Call(resourceArn, Map.copyOf(tags)));
        }
    }
}
