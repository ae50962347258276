package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.importing.IncrementalLister.PageResult;
import org.ahibridge.ledger.Discovery;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.SourceObjects;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.storage.FileBlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalListerTest {

    @TempDir
    Path folder;

    Ledger ledger;
    FileBlobStore store;
    IncrementalLister lister;
    final List<org.ahibridge.audit.AuditRecord> audit = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(true));
        // The ledger clock stands before the files' real modification times, so only the two-pass rule applies.
        ledger.clock.advance(Duration.between(ledger.clock.instant(), Instant.now().minus(Duration.ofHours(1))));
        store = new FileBlobStore(folder);
        lister = new IncrementalLister(ledger.positions, ledger.seen, ledger.objects,
                new StabilityRule(Duration.ofDays(1), new TemporaryNames(List.of("*.part"))), outcomes(), ledger.clock, 2);
        ledger.runs.start("run-1", "inbox", "", "main");
    }

    @AfterEach
    void tearDown() {
        ledger.database.close();
    }

    AuditedOutcomes outcomes() {
        return new AuditedOutcomes(ledger.objects, ledger.transitions, audit::add, ledger.clock);
    }

    void put(String key, String content) {
        store.write(key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), -1);
    }

    /** Pages until the current pass completes. */
    List<PageResult> pass(boolean reportKnown) {
        List<PageResult> pages = new ArrayList<>();
        PageResult page;
        do {
            page = lister.nextPage("run-1", store, "inbox", "", "main", reportKnown);
            pages.add(page);
        } while (!page.passCompleted());
        return pages;
    }

    static List<String> takenKeys(List<PageResult> pages) {
        return pages.stream().flatMap(p -> p.taken().stream()).map(Discovery::object).map(o -> o.key()).toList();
    }

    @Test
    void shouldTakeObjectsOnlyWhenSeenUnchangedInTwoPassesAndSkipTemporaryNames() {
        put("a.dcm", "a");
        put("b/c.dcm", "c");
        put("d.dcm", "d");
        put("upload.dcm.part", "partial");

        List<PageResult> first = pass(false);
        put("d.dcm", "d changed and longer");
        List<PageResult> second = pass(false);
        List<PageResult> third = pass(false);

        assertThat(first).hasSize(2);
        assertThat(takenKeys(first)).isEmpty();
        assertThat(first.stream().mapToInt(PageResult::waiting).sum()).isEqualTo(3);
        assertThat(first.stream().mapToInt(PageResult::temporary).sum()).isEqualTo(1);
        assertThat(takenKeys(second)).containsExactly("a.dcm", "b/c.dcm");
        assertThat(takenKeys(third)).containsExactly("d.dcm");
        assertThat(second.get(0).passNumber()).isEqualTo(2);
    }

    @Test
    void shouldResumeFromThePersistedPositionAfterARestart() {
        for (int i = 0; i < 5; i++) {
            put("f" + i + ".dcm", "x");
        }
        lister.nextPage("run-1", store, "inbox", "", "main", false);

        IncrementalLister restarted = new IncrementalLister(ledger.positions, ledger.seen, ledger.objects,
                new StabilityRule(Duration.ofDays(1), new TemporaryNames(List.of())), outcomes(), ledger.clock, 2);
        PageResult resumed = restarted.nextPage("run-1", store, "inbox", "", "main", false);

        assertThat(ledger.seen.find("inbox", "f0.dcm")).isPresent();
        assertThat(ledger.seen.find("inbox", "f2.dcm")).isPresent();
        assertThat(ledger.seen.find("inbox", "f4.dcm")).isEmpty();
        assertThat(resumed.waiting()).isEqualTo(2);
        assertThat(ledger.positions.get("inbox", "").lastKey()).isEqualTo("f3.dcm");
    }

    @Test
    void shouldPassOverKnownObjectsWhenPollingButReportThemInAOneOffRun() {
        put("a.dcm", "a");
        ledger.clock.advance(Duration.ofDays(2));
        List<PageResult> firstSight = pass(false);
        long id = firstSight.get(0).taken().get(0).object().id();
        ledger.transitions.finish(id, Outcome.SKIPPED_BY_RULE, "excluded by key glob");

        List<PageResult> polled = pass(false);
        ledger.runs.start("run-2", "inbox", "", "main");
        PageResult oneOff = lister.nextPage("run-2", store, "inbox", "", "main", true);

        assertThat(takenKeys(firstSight)).containsExactly("a.dcm");
        assertThat(polled.stream().mapToInt(PageResult::known).sum()).isEqualTo(1);
        assertThat(ledger.runs.outcomeCounts("run-1")).containsEntry(Outcome.SKIPPED_BY_RULE, 1);
        assertThat(oneOff.reported()).isEqualTo(1);
        assertThat(ledger.runs.outcomeCounts("run-2")).containsEntry(Outcome.SKIPPED_BY_RULE, 1);
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo("run-2");
            assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED_BY_RULE);
            assertThat(r.reason()).isEqualTo("excluded by key glob");
        });
    }

    /**
     * A polling pass looks up the page's versions in the ledger and records the sightings. When another
     * instance (an SQS event's consumer) finishes an object just before, the poll must still pass it over
     * silently: the finisher wrote the one audit line.
     */
    @Test
    void shouldPassOverAnObjectThatAnotherInstanceFinishesWhileThePollLooksAtIt() {
        put("a.dcm", "a");
        ledger.clock.advance(Duration.ofDays(2));
        long id = takenKeysAndIds(pass(false)).get(0);
        SourceObjects racing = new SourceObjects(ledger.database.jdbc(), ledger.clock) {
            @Override
            public List<Discovery> discoverAll(String runId, List<ObjectVersion> objects, String datastore,
                    boolean reportTerminal) {
                outcomes().finish(id, Outcome.SKIPPED_NOT_P10, "finished by the other instance");
                return super.discoverAll(runId, objects, datastore, reportTerminal);
            }
        };
        IncrementalLister polling = new IncrementalLister(ledger.positions, ledger.seen, racing,
                new StabilityRule(Duration.ofDays(1), new TemporaryNames(List.of())), outcomes(), ledger.clock, 2);

        PageResult page = polling.nextPage("run-1", store, "inbox", "", "main", false);

        assertThat(page.taken()).isEmpty();
        assertThat(page.reported()).isZero();
        assertThat(page.known()).isEqualTo(1);
        assertThat(audit).as("audit lines: the finisher's only").singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("finished by the other instance"));
    }

    static List<Long> takenKeysAndIds(List<PageResult> pages) {
        return pages.stream().flatMap(p -> p.taken().stream()).map(d -> d.object().id()).toList();
    }
}
