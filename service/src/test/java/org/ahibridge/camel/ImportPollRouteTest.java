package org.ahibridge.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.ahibridge.ahi.AhiRejectedException;
import org.ahibridge.ahi.AhiThrottledException;
import org.apache.camel.CamelContext;
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
 * routes/import-poll.camel.yaml with its error configuration, the Quartz trigger replaced by a direct
 * endpoint (AdviceWith) and {@code pollingImport} a scripted stand-in: a poll goes on to
 * direct:import-advance with the number taken; a throttled poll is retried with backoff; a rejected one
 * goes to the dead letter and not to import-advance.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = ImportPollRouteTest.App.class, properties = {
    "camel.main.routes-include-pattern=file:routes/import-poll.camel.yaml,file:routes/error-handling.camel.yaml",
    "camel.main.run-controller=false",
    "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"})
class ImportPollRouteTest {

    /** Stands in for PollingImport: returns what {@link #next} says, or throws it. */
    public static final class ScriptedPoll {
        final AtomicReference<Object> next = new AtomicReference<>(0);
        int calls;

        public int poll() {
            calls++;
            Object value = next.get();
            if (value instanceof RuntimeException e) {
                next.set(3);
                if (e instanceof AhiRejectedException) {
                    next.set(e);
                }
                throw e;
            }
            return (Integer) value;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean("pollingImport")
        ScriptedPoll pollingImport() {
            return new ScriptedPoll();
        }
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ScriptedPoll poll;

    MockEndpoint advance;
    MockEndpoint deadLetter;

    @BeforeEach
    void advise() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "import-poll", a -> {
                a.replaceFromWith("direct:import-poll-test");
                a.weaveByToUri("direct:import-advance").replace().to("mock:advance");
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
        deadLetter = camel.getEndpoint("mock:dead-letter", MockEndpoint.class);
        MockEndpoint.resetMocks(camel);
        poll.calls = 0;
    }

    @Test
    void shouldGoOnToImportAdvanceWithTheNumberOfObjectsTaken() throws InterruptedException {
        poll.next.set(7);
        advance.expectedMessageCount(1);
        advance.expectedHeaderReceived("AhiBridgeTaken", 7);

        producer.sendBody("direct:import-poll-test", null);

        advance.assertIsSatisfied();
        assertThat(poll.calls).isEqualTo(1);
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
