package org.ahibridge.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.ahibridge.ahi.AhiRejectedException;
import org.ahibridge.ahi.AhiThrottledException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * routes/import-job-events.camel.yaml with its error configuration, on its default endpoint
 * direct:import-job-events, and {@code importJobEvents} a scripted stand-in: the message body reaches the
 * bean as a String and its answer becomes header AhiBridgeJobEvent; a throttled follow-up is retried; a
 * rejected one goes to the dead letter without retry.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ImportJobEventsRouteTest.App.class, properties = {
    "camel.main.routes-include-pattern=file:routes/import-job-events.camel.yaml,file:routes/error-handling.camel.yaml",
    "camel.main.run-controller=false",
    "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"})
class ImportJobEventsRouteTest {

    /** Stands in for ImportJobEvents: records the bodies, answers or throws what {@link #next} says. */
    public static final class ScriptedJobEvents {
        final AtomicReference<RuntimeException> next = new AtomicReference<>();
        final List<String> bodies = new ArrayList<>();

        public ImportJobEvents.Result finished(String body) {
            bodies.add(body);
            RuntimeException failure = next.get();
            if (failure != null) {
                if (failure instanceof AhiThrottledException) {
                    next.set(null);
                }
                throw failure;
            }
            return body.contains("Import Job Completed") ? ImportJobEvents.Result.ADVANCED
                    : ImportJobEvents.Result.IGNORED;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean("importJobEvents")
        ScriptedJobEvents importJobEvents() {
            return new ScriptedJobEvents();
        }
    }

    static final String COMPLETED = "{\"source\":\"aws.medical-imaging\",\"detail-type\":\"Import Job Completed\","
            + "\"detail\":{\"datastoreId\":\"d\",\"jobId\":\"j\"}}";

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ScriptedJobEvents events;

    MockEndpoint deadLetter;
    MockEndpoint advance;

    @BeforeEach
    void reset() throws Exception {
        if (camel.getRoute("dead-letter-mock") == null) {
            // The dead letter lives in the route configuration: its endpoint is fed to a mock instead.
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:import-dead-letter").routeId("dead-letter-mock").to("mock:dead-letter");
                    // The follow-up is import-advance's, not loaded here: an ADVANCED event must reach it.
                    from("direct:import-advance").routeId("advance-mock").to("mock:advance");
                }
            });
        }
        deadLetter = camel.getEndpoint("mock:dead-letter", MockEndpoint.class);
        advance = camel.getEndpoint("mock:advance", MockEndpoint.class);
        MockEndpoint.resetMocks(camel);
        events.bodies.clear();
        events.next.set(null);
    }

    @Test
    void shouldHandTheBodyAsTextToTheBeanAndSetItsAnswerAsHeader() throws InterruptedException {
        advance.expectedMessageCount(1);
        Exchange done = producer.send("direct:import-job-events",
                e -> e.getIn().setBody(COMPLETED.getBytes(StandardCharsets.UTF_8)));

        assertThat(done.getException()).isNull();
        assertThat(done.getIn().getHeader("AhiBridgeJobEvent")).isEqualTo(ImportJobEvents.Result.ADVANCED);
        assertThat(events.bodies).containsExactly(COMPLETED);
        advance.assertIsSatisfied();
    }

    @Test
    void shouldRetryAThrottledFollowUp() {
        events.next.set(new AhiThrottledException("GetDICOMImportJob", "ThrottlingException", 429, "slow down", null));

        Exchange done = producer.send("direct:import-job-events", e -> e.getIn().setBody(COMPLETED));

        assertThat(done.getException()).isNull();
        assertThat(done.getIn().getHeader("AhiBridgeJobEvent")).isEqualTo(ImportJobEvents.Result.ADVANCED);
        assertThat(events.bodies).hasSize(2);
    }

    @Test
    void shouldSendARejectedFollowUpToTheDeadLetterWithoutRetrying() throws InterruptedException {
        events.next.set(new AhiRejectedException("GetDICOMImportJob", "AccessDeniedException", 403, "denied", null));
        deadLetter.expectedMessageCount(1);

        producer.send("direct:import-job-events", e -> e.getIn().setBody(COMPLETED));

        deadLetter.assertIsSatisfied();
        assertThat(events.bodies).hasSize(1);
    }
}
