package org.ahibridge.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.ahibridge.importing.BatchAssembler;
import org.ahibridge.importing.BatchPolicy;
import org.ahibridge.ledger.Batch;
import org.ahibridge.ledger.BatchState;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * routes/import-batching.camel.yaml as shipped, with its beans over an H2 ledger ({@link OpenBatchRepository},
 * {@link BatchFilesStrategy}, {@link BatchAssembler}) and direct:import-batch a mock: a datastore's group is its open
 * batch in the ledger, completed (sealed, then on to import-batch) when the files fill it, when a quiet pass says so,
 * and at the batch's max age, also for a batch an earlier process opened (the ledger, not Camel, holds the group).
 */
class ImportBatchingRouteTest {

    static final String DATASTORE = "main";

    Ledger ledger;
    CamelContext camel;
    MockEndpoint batch;
    final List<SourceObject> oneByOne = new CopyOnWriteArrayList<>();
    final AtomicInteger ids = new AtomicInteger();
    final ExecutorService workers = Executors.newFixedThreadPool(2);

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(true));
        ledger.runs.start("run-1", "landing", "", DATASTORE);
    }

    @AfterEach
    void tearDown() {
        if (camel != null) {
            camel.stop();
        }
        workers.shutdownNow();
        ledger.database.close();
    }

    /** Starts the route with batches of at most {@code maxFiles} files that complete at {@code maxAge}. */
    void start(int maxFiles, Duration maxAge) throws Exception {
        BatchPolicy policy = new BatchPolicy(maxFiles, 1_000_000, 1_000, maxAge, 0);
        BatchAssembler assembler = assembler(policy);
        OpenBatchRepository repository = new OpenBatchRepository(ledger.batches, assembler, ledger.clock);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("importOpenBatches", repository);
        camel.getRegistry().bind("importBatchWorkers", workers);
        camel.getRegistry().bind("importBatchFiles",
                new BatchFilesStrategy(assembler, ledger.batches, repository, oneByOne::add));
        for (String file : List.of("error-handling", "import-batching")) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(camel, "file:routes/" + file + ".camel.yaml"));
        }
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:import-batch").to("mock:batch");
                from("direct:import-dead-letter").to("mock:dead-letter");
            }
        });
        camel.start();
        batch = camel.getEndpoint("mock:batch", MockEndpoint.class);
    }

    BatchAssembler assembler(BatchPolicy policy) {
        return new BatchAssembler(ledger.batches, ledger.transitions, ledger.transactions, policy,
                () -> "batch-" + ids.incrementAndGet(), ledger.clock);
    }

    SourceObject classified(String key, long size) {
        long id = ledger.objects.discover("run-1", new ObjectVersion("landing", key, "e", size, Instant.EPOCH),
                DATASTORE).object().id();
        ledger.transitions.classify(id, Verdict.compliant("1.2." + id, "1.2", "1.2.1", "1.2.840.10008.1.2.1"));
        return ledger.objects.find(id).orElseThrow();
    }

    List<SourceObject> files(String prefix, int count) {
        List<SourceObject> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(classified(prefix + i + ".dcm", 10));
        }
        return files;
    }

    /** Sends a page's files and waits until the route finished with the message. */
    void send(List<SourceObject> files) {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("import-batching").whenDone(1).create();
        ProducerTemplate producer = camel.createProducerTemplate();
        producer.sendBodyAndHeader("direct:import-batching", new StagingFiles(DATASTORE, files),
                ImportHeaders.DATASTORE, DATASTORE);
        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
    }

    void sendQuiet() {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("import-batching").whenDone(1).create();
        camel.createProducerTemplate().send("direct:import-batching", e -> {
            e.getMessage().setHeader(ImportHeaders.DATASTORE, DATASTORE);
            e.getMessage().setHeader(ImportHeaders.SOURCE_QUIET, true);
        });
        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
    }

    List<Batch> batches(BatchState state) {
        return ledger.batches.ofDatastore(DATASTORE, state);
    }

    @Test
    void shouldSendTheBatchOnSealedOnceItsFilesFillItAndKeepTheRestInTheNextOpenBatch() throws Exception {
        start(3, Duration.ofMinutes(5));
        batch.expectedMessageCount(1);

        send(files("a", 2));
        assertThat(batch.getReceivedCounter()).isZero();
        assertThat(batches(BatchState.OPEN)).extracting(Batch::fileCount).containsExactly(2);
        send(files("b", 2));

        batch.assertIsSatisfied();
        Batch sent = batch.getReceivedExchanges().get(0).getMessage().getBody(Batch.class);
        assertThat(sent.state()).isEqualTo(BatchState.SEALED);
        assertThat(sent.fileCount()).isEqualTo(3);
        assertThat(ledger.objects.inBatch(sent.id())).hasSize(3);
        assertThat(batches(BatchState.OPEN)).extracting(Batch::fileCount).containsExactly(1);
    }

    @Test
    void shouldCompleteTheOpenBatchWhenAPassFoundItsSourcesQuiet() throws Exception {
        start(100, Duration.ofMinutes(5));
        send(files("a", 2));
        batch.expectedMessageCount(1);

        sendQuiet();

        batch.assertIsSatisfied();
        Batch sent = batch.getReceivedExchanges().get(0).getMessage().getBody(Batch.class);
        assertThat(sent.state()).isEqualTo(BatchState.SEALED);
        assertThat(sent.fileCount()).isEqualTo(2);
        assertThat(batches(BatchState.OPEN)).isEmpty();
    }

    @Test
    void shouldSendNothingForAQuietPassWithoutAnOpenBatch() throws Exception {
        start(100, Duration.ofMinutes(5));

        sendQuiet();

        assertThat(batch.getReceivedCounter()).isZero();
        assertThat(batches(BatchState.SEALED)).isEmpty();
    }

    @Test
    void shouldCompleteTheBatchAtItsMaxAge() throws Exception {
        start(100, Duration.ofMillis(1500));
        send(files("a", 2));
        assertThat(batch.getReceivedCounter()).isZero();

        await().atMost(Duration.ofSeconds(15)).until(() -> batch.getReceivedCounter() == 1);

        Batch sent = batch.getReceivedExchanges().get(0).getMessage().getBody(Batch.class);
        assertThat(sent.state()).isEqualTo(BatchState.SEALED);
        assertThat(sent.fileCount()).isEqualTo(2);
        assertThat(batches(BatchState.OPEN)).isEmpty();
    }

    @Test
    void shouldGoOnFillingTheOpenBatchAnEarlierProcessLeftInTheLedger() throws Exception {
        // An earlier process placed two files, then stopped: nothing of that group was in this Camel's memory.
        assembler(new BatchPolicy(3, 1_000_000, 1_000, Duration.ofMinutes(5), 0)).addAll(files("before", 2));
        start(3, Duration.ofMinutes(5));
        batch.expectedMessageCount(1);

        send(files("after", 1));

        batch.assertIsSatisfied();
        Batch sent = batch.getReceivedExchanges().get(0).getMessage().getBody(Batch.class);
        assertThat(sent.fileCount()).isEqualTo(3);
        assertThat(sent.state()).isEqualTo(BatchState.SEALED);
    }

    @Test
    void shouldRestoreTheMaxAgeOfAnOpenBatchFromTheLedgerAtStart() throws Exception {
        assembler(new BatchPolicy(100, 1_000_000, 1_000, Duration.ofMinutes(5), 0)).addAll(files("before", 2));
        // The batch is past its max age by the time the process starts again.
        ledger.clock.advance(Duration.ofMinutes(6));

        start(100, Duration.ofMinutes(5));

        await().atMost(Duration.ofSeconds(15)).until(() -> batch.getReceivedCounter() == 1);
        Batch sent = batch.getReceivedExchanges().get(0).getMessage().getBody(Batch.class);
        assertThat(sent.state()).isEqualTo(BatchState.SEALED);
        assertThat(sent.fileCount()).isEqualTo(2);
    }

    @Test
    void shouldLeaveAFileTooLargeForAnyJobToTheOneByOnePathWhereItEndsFailed() throws Exception {
        start(100, Duration.ofMinutes(5));
        SourceObject huge = classified("huge.dcm", 5_000);

        send(List.of(huge, classified("small.dcm", 10)));

        assertThat(oneByOne).extracting(SourceObject::id).containsExactly(huge.id());
        assertThat(batches(BatchState.OPEN)).extracting(Batch::fileCount).containsExactly(1);
    }
}
