package org.ahibridge.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.ahibridge.AhiBridgeApplication;
import org.ahibridge.eventbridge.JobEventRule;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/**
 * Polling stays the fallback: job events are on and the rule was provisioned, but the test deletes it
 * before importing, so no event ever reaches the queue. With a one-second fallback interval the jobs
 * still complete through GetDICOMImportJob (same wire as {@link ImportJobEventsIT}).
 */
@CamelSpringBootTest
@SpringBootTest(classes = AhiBridgeApplication.class)
@DirtiesContext
class ImportJobEventsFallbackIT extends JobEventsStack {

    static final Path TEMP = tempDirectory("job-events-fallback-it");
    static final String BUCKET = "landing-fallback";
    static final String RULE = "ahi-bridge-import-jobs-fallback";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        configure(registry, TEMP, BUCKET, "import-job-events-fallback", RULE, Duration.ofSeconds(1));
    }

    static ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProducerTemplate polling;

    @Autowired
    void remember(ConfigurableApplicationContext applicationContext) {
        context = applicationContext;
    }

    @AfterAll
    static void stop() {
        // The routes stop before the emulator they poll (the extension stops it next) and the context closes.
        if (context != null && context.isActive()) {
            context.getBean(org.apache.camel.CamelContext.class).stop();
        }
    }

    @Test
    void shouldCompleteJobsByPollingWhenTheirEventsAreLost() {
        try (EventBridgeClient events = events()) {
            events.removeTargets(b -> b.rule(RULE).ids(JobEventRule.TARGET_ID));
            events.deleteRule(b -> b.name(RULE));
            assertThatThrownBy(() -> events.describeRule(b -> b.name(RULE))).isInstanceOf(ResourceNotFoundException.class);
        }
        List<String> keys = upload(BUCKET, "in/", 2);

        discover(polling, jdbc, keys);

        assertThat(awaitOutcomes(jdbc, keys)).containsEntry("in/image 0.dcm", "IMPORTED")
                .containsEntry("in/image 1.dcm", "IMPORTED").containsEntry("in/readme.txt", "SKIPPED_NOT_P10");
    }
}
