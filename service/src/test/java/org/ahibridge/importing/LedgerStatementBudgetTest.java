package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.ahibridge.importing.IncrementalLister.PageResult;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.Discovery;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.WorkLeases;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.WorkState;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.ledger.testing.StatementCounter;
import org.ahibridge.storage.FileBlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL a listing page and a staging pass cost, counted at the JDBC layer: the ledger is written once per page
 * and once per group of copies, not once per object, so a 10-millisecond database round trip does not bound the
 * pipeline. The budgets hold with room; the counts themselves are in BENCHMARKS.md.
 */
class LedgerStatementBudgetTest {

    static final int OBJECTS = 1_000;
    static final int PAGE = 250;

    @TempDir
    Path temp;

    LedgerDatabase database;
    StatementCounter counter = new StatementCounter();
    DataSource counted;
    Ledger ledger;
    FileBlobStore source;

    @BeforeEach
    void setUp() {
        database = LedgerDatabase.h2(true);
        counted = counter.wrap(database.dataSource());
        ledger = new Ledger(database, counted);
        // After the files' modification times: a one-shot run (stable-after 0) takes them at once.
        ledger.clock.advance(Duration.between(ledger.clock.instant(), java.time.Instant.now().plusSeconds(3600)));
        source = new FileBlobStore(temp.resolve("source"));
        for (int i = 0; i < OBJECTS; i++) {
            byte[] content = ("object " + i).getBytes(StandardCharsets.UTF_8);
            source.put("study/" + i + ".dcm", new ByteArrayInputStream(content), content.length);
        }
        ledger.runs.start("run-1", "inbox", "", "main");
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    List<Discovery> listEverything(boolean reportKnown) {
        IncrementalLister lister = new IncrementalLister(ledger.positions, ledger.seen, ledger.objects,
                new StabilityRule(Duration.ZERO, new TemporaryNames(List.of())),
                new AuditedOutcomes(ledger.objects, ledger.transitions, r -> { }, ledger.clock), ledger.clock, PAGE);
        List<Discovery> taken = new ArrayList<>();
        PageResult page;
        do {
            page = lister.nextPage("run-1", source, "inbox", "", "main", reportKnown);
            taken.addAll(page.taken());
        } while (!page.passCompleted());
        return taken;
    }

    @Test
    void shouldDiscoverAPageOfNewObjectsInAFewStatements() {
        counter.reset();

        List<Discovery> taken = listEverything(true);

        assertThat(taken).hasSize(OBJECTS).allSatisfy(d -> assertThat(d.isNew()).isTrue());
        // Per page: position, seen set, identities, one insert, read back, position saved: 4 pages.
        assertThat(counter.statements()).isLessThanOrEqualTo(4 * 8);
        assertThat(counter.commits()).isLessThanOrEqualTo(4 * 8);
        assertThat(ledger.objects.inState(WorkState.DISCOVERED, 2 * OBJECTS)).hasSize(OBJECTS);
    }

    @Test
    void shouldPassOverKnownObjectsOfAScheduledListingWithoutPerObjectStatements() {
        listEverything(true).forEach(d -> ledger.transitions.finish(d.object().id(),
                org.ahibridge.ledger.Outcome.SKIPPED_BY_RULE, "test"));
        counter.reset();

        List<Discovery> again = listEverything(false);

        assertThat(again).isEmpty();
        assertThat(counter.statements()).isLessThanOrEqualTo(4 * 8);
    }

    @Test
    void shouldRecordAndBatchAPageOfCompliantObjectsInAFewStatementsAsTheRoutesDo() {
        // The ledger writes of routes/import-objects.camel.yaml for one page (PageStep, ObjectRecorder, then
        // BatchFilesStrategy): leases together, verdicts together, placement together, leases back together.
        List<SourceObject> page = listEverything(true).stream().map(Discovery::object).toList();
        WorkLeases leases = new WorkLeases(JdbcClient.create(counted), ledger.clock, "instance-1", Duration.ofMinutes(5));
        AuditedOutcomes outcomes = new AuditedOutcomes(ledger.objects, ledger.transitions, r -> { }, ledger.clock);
        ObjectRecorder recorder = new ObjectRecorder(new VerdictRecorder(ledger.transitions, outcomes),
                SourceObjectTagger.disabled(), null, outcomes, null);
        BatchAssembler assembler = new BatchAssembler(ledger.batches, ledger.transitions, ledger.transactions,
                BatchPolicy.AHI_DEFAULTS, () -> "B1", ledger.clock);
        counter.reset();

        Set<Long> held = leases.claimObjects(page.stream().map(SourceObject::id).toList());
        List<SourceObject> files = recorder.recordCompliant(page.stream().map(o -> new ObjectRecorder.Compliant(o,
                Verdict.compliant("1.2." + o.id(), "1.2", "1.2.1", "1.2.840.10008.1.2.1"))).toList(), storage -> source);
        assembler.addAll(files);
        leases.releaseObjects(held);

        assertThat(held).hasSize(OBJECTS);
        assertThat(ledger.objects.inBatch("B1")).hasSize(OBJECTS)
                .allSatisfy(o -> assertThat(o.state()).isEqualTo(WorkState.BATCHED));
        // Claim and read back, the verdicts 50 rows a statement (rows locked first), open and place the batch, release:
        // 50 statements for 1,000 objects (measured), where one object at a time took about seven each.
        assertThat(counter.statements()).isLessThanOrEqualTo(2 + 2 * OBJECTS / 50 + 8 + 1 + 10);
        assertThat(database.jdbc().sql("select count(*) from source_object where lease_expires_at is not null")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void shouldStageABatchWithOneStatementPerHundredCopies() {
        List<Discovery> taken = listEverything(true);
        ledger.batches.open("B1", "main");
        for (Discovery discovery : taken) {
            long id = discovery.object().id();
            ledger.transitions.classify(id, Verdict.compliant("1.2." + id, "1.2", "1.2.1", "1.2.840.10008.1.2.1"));
            ledger.batches.reserve("B1", discovery.object().size(), OBJECTS, Long.MAX_VALUE);
            ledger.transitions.assignBatch(id, "B1");
        }
        ledger.batches.seal("B1");
        BatchStager stager = new BatchStager(ledger.objects, ledger.transitions, ledger.batches,
                new AuditedOutcomes(ledger.objects, ledger.transitions, r -> { }, ledger.clock), 8);
        FileBlobStore staging = new FileBlobStore(temp.resolve("staging"));
        counter.reset();

        BatchStager.Result result = stager.stage(ledger.batches.find("B1").orElseThrow(), staging,
                BatchStagerTest.STAGING, storage -> source);

        assertThat(result).isEqualTo(new BatchStager.Result(OBJECTS, OBJECTS, 0));
        // The batch's rows, one update per 100 copies (or fewer, as they finish), the batch STAGED.
        assertThat(counter.statements()).isLessThanOrEqualTo(2 + OBJECTS / BatchStager.RECORD_EVERY * 2);
        assertThat(ledger.batches.find("B1").orElseThrow().state()).isEqualTo(BatchState.STAGED);
        assertThat(ledger.objects.inBatch("B1")).allSatisfy(o -> assertThat(o.state()).isEqualTo(WorkState.STAGED));
    }
}
