package org.ahibridge.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.ahibridge.ahi.AhiRejectedException;
import org.ahibridge.ahi.AhiThrottledException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * routes/import-poll.camel.yaml, import-pass.camel.yaml and import-objects.camel.yaml with their error
 * configuration, the Quartz trigger replaced by a direct endpoint (AdviceWith), direct:import-object,
 * direct:import-batching and direct:import-advance by mocks, and {@code importDiscovery} and {@code importPage}
 * scripted stand-ins: a poll takes its pass page by page, each page claimed, split into one message per object
 * and its files sent to import-batching, and goes on to direct:import-advance with the number taken; a quiet pass
 * completes the open batch through import-batching; a throttled pass
 * is retried with backoff; a rejected one goes to the dead letter and not to import-advance.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = ImportPollRouteTest.App.class, properties = {
    "camel.main.routes-include-pattern=file:routes/import-poll.camel.yaml,file:routes/import-pass.camel.yaml,"
            + "file:routes/import-objects.camel.yaml,file:routes/error-handling.camel.yaml",
    "camel.main.run-controller=false",
    "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"})
class ImportPollRouteTest {

    /** Stands in for DiscoveryStep: a pass of {@link #next} objects, or throws it. */
    public static final class ScriptedPoll {
        final AtomicReference<Object> next = new AtomicReference<>(0);
        int calls;

        public Iterator<String> pass() {
            calls++;
            Object value = next.get();
            if (value instanceof RuntimeException e) {
                next.set(3);
                if (e instanceof AhiRejectedException) {
                    next.set(e);
                }
                throw e;
            }
            return IntStream.range(0, (Integer) value).mapToObj(i -> "object-" + i).iterator();
        }

        public void passed(Exchange exchange) {
            exchange.getMessage().setHeader("AhiBridgeTaken", next.get());
            exchange.getMessage().setHeader("AhiBridgeSourceQuiet", Integer.valueOf(0).equals(next.get()));
        }
    }

    /** Stands in for PageStep: pages of three, each page's claim and record counted, one datastore's files each. */
    public static final class ScriptedPages {
        final List<List<Object>> claimed = new CopyOnWriteArrayList<>();
        final AtomicInteger recorded = new AtomicInteger();

        public Iterator<List<Object>> pages(Iterator<Object> objects) {
            List<List<Object>> pages = new ArrayList<>();
            objects.forEachRemaining(o -> {
                if (pages.isEmpty() || pages.get(pages.size() - 1).size() == 3) {
                    pages.add(new ArrayList<>());
                }
                pages.get(pages.size() - 1).add(o);
            });
            return pages.iterator();
        }

        public void claim(Exchange exchange) {
            claimed.add(exchange.getMessage().getBody(List.class));
        }

        public List<StagingFiles> recorded() {
            recorded.incrementAndGet();
            return List.of(new StagingFiles("local", List.of()));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean("importDiscovery")
        ScriptedPoll importDiscovery() {
            return new ScriptedPoll();
        }

        @Bean("importPage")
        ScriptedPages importPage() {
            return new ScriptedPages();
        }

        @Bean(name = "importWorkers", destroyMethod = "shutdown")
        ExecutorService importWorkers() {
            return Executors.newFixedThreadPool(2);
        }
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ScriptedPoll poll;

    @Autowired
    ScriptedPages pages;

    MockEndpoint advance;
    MockEndpoint batching;
    MockEndpoint object;
    MockEndpoint deadLetter;

    @BeforeEach
    void advise() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "import-poll", a -> {
                a.replaceFromWith("direct:import-poll-test");
            });
            AdviceWith.adviceWith(camel, "import-pass", a -> {
                a.weaveByToUri("direct:import-advance").replace().to("mock:advance");
                a.weaveByToUri("direct:import-batching").replace().to("mock:batching");
            });
            AdviceWith.adviceWith(camel, "import-objects", a -> {
                a.weaveByToUri("direct:import-object").replace().to("mock:object");
                a.weaveByToUri("direct:import-batching").replace().to("mock:batching");
            });
            // The dead letter lives in the route configuration: its endpoint is fed to a mock instead.
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:import-dead-letter").to("mock:dead-letter");
                }
            });
            camel.start();
        }
        advance = camel.getEndpoint("mock:advance", MockEndpoint.class);
        batching = camel.getEndpoint("mock:batching", MockEndpoint.class);
        object = camel.getEndpoint("mock:object", MockEndpoint.class);
        deadLetter = camel.getEndpoint("mock:dead-letter", MockEndpoint.class);
        MockEndpoint.resetMocks(camel);
        poll.calls = 0;
        pages.claimed.clear();
        pages.recorded.set(0);
    }

    @Test
    void shouldTakeThePassPageByPageOneMessagePerObjectAndGoOnToImportAdvanceWithTheNumberOfObjectsTaken()
            throws InterruptedException {
        poll.next.set(7);
        object.expectedMessageCount(7);
        object.expectedBodiesReceivedInAnyOrder(IntStream.range(0, 7).mapToObj(i -> "object-" + i).toArray());
        // One message of files per page (three pages of at most three objects), none for the pass: it was not quiet.
        batching.expectedMessageCount(3);
        batching.expectedHeaderReceived("AhiBridgeDatastore", "local");
        advance.expectedMessageCount(1);
        advance.expectedHeaderReceived("AhiBridgeTaken", 7);
        advance.expectedHeaderReceived("AhiBridgeDatastore", "local");

        producer.sendBody("direct:import-poll-test", null);

        object.assertIsSatisfied();
        batching.assertIsSatisfied();
        advance.assertIsSatisfied();
        assertThat(poll.calls).isEqualTo(1);
        assertThat(pages.claimed).containsExactly(List.of("object-0", "object-1", "object-2"),
                List.of("object-3", "object-4", "object-5"), List.of("object-6"));
        assertThat(pages.recorded).hasValue(3);
    }

    @Test
    void shouldCompleteTheOpenBatchThroughImportBatchingAfterAQuietPass() throws InterruptedException {
        poll.next.set(0);
        object.expectedMessageCount(0);
        batching.expectedMessageCount(1);
        batching.expectedHeaderReceived("AhiBridgeSourceQuiet", true);
        batching.expectedHeaderReceived("AhiBridgeDatastore", "local");
        advance.expectedMessageCount(1);

        producer.sendBody("direct:import-poll-test", null);

        batching.assertIsSatisfied();
        advance.assertIsSatisfied();
        object.assertIsSatisfied();
    }

    @Test
    void shouldRetryAThrottledPollAndThenGoOn() throws InterruptedException {
        poll.next.set(new AhiThrottledException("StartDICOMImportJob", "ThrottlingException", 429, "slow down", null));
        advance.expectedMessageCount(1);
        advance.expectedHeaderReceived("AhiBridgeTaken", 3);

        producer.sendBody("direct:import-poll-test", null);

        advance.assertIsSatisfied();
        assertThat(poll.calls).isEqualTo(2);
    }

    @Test
    void shouldSendARejectedPollToTheDeadLetterWithoutRetrying() throws InterruptedException {
        poll.next.set(new AhiRejectedException("StartDICOMImportJob", "ValidationException", 400, "bad role", null));
        deadLetter.expectedMessageCount(1);
        advance.expectedMessageCount(0);

        producer.sendBody("direct:import-poll-test", null);

        deadLetter.assertIsSatisfied();
        advance.assertIsSatisfied();
        assertThat(poll.calls).isEqualTo(1);
    }
}
