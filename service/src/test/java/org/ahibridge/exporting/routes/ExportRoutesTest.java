package org.ahibridge.exporting.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import org.ahibridge.exporting.ExportProperties;

/**
 * routes/export-on-demand.camel.yaml and routes/export-scheduled.camel.yaml (with a one-second cron),
 * each loaded on its own with the shared error configuration and a recording export service.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ExportRoutesTest.App.class, properties = {
    "camel.main.routes-include-pattern=file:routes/error-handling.camel.yaml,file:routes/export-on-demand.camel.yaml,"
            + "file:routes/export-scheduled.camel.yaml",
    "camel.main.run-controller=false", "ahibridge.export.schedule.enabled=true",
    "ahibridge.export.schedule.cron=0/1 * * * * ?", "ahibridge.export.schedule.destination=s3://bucket/nightly/",
    "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"})
// The scheduled route fires every second: close the context after this class instead of caching it.
@org.springframework.test.annotation.DirtiesContext
class ExportRoutesTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableConfigurationProperties(ExportProperties.class)
    static class App {
        @Bean("exportService")
        RecordingExportService exportService(ExportProperties properties) {
            return new RecordingExportService(properties);
        }
    }

    @Autowired
    ProducerTemplate producer;

    @Autowired
    RecordingExportService service;

    @Test
    void shouldRunAnOnDemandExportFromAMapAndFromJson() {
        Object reply = producer.requestBody("direct:export-on-demand", Map.of("destination", "file:/out",
                "seriesInstanceUid", "1.2.3", "imageSetIds", List.of("a".repeat(32)), "overwrite", "always"));
        Object fromJson = producer.requestBody("direct:export-on-demand",
                "{\"destination\":\"s3://b/p/\",\"datastore\":\"main\",\"patientId\":\"P\"}");

        assertThat(reply).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) reply).get("outcomes")).isEqualTo(Map.of("EXPORTED", 1));
        assertThat(service.calls).anySatisfy(call -> {
            assertThat(call.destination()).isEqualTo("file:/out");
            assertThat(call.datastore()).isEqualTo("local");
            assertThat(call.selection().seriesInstanceUid()).isEqualTo("1.2.3");
            assertThat(call.selection().imageSetIds()).containsExactly("a".repeat(32));
            assertThat(call.overwrite()).isEqualTo("always");
        }).anySatisfy(call -> {
            assertThat(call.destination()).isEqualTo("s3://b/p/");
            assertThat(call.datastore()).isEqualTo("main");
            assertThat(call.selection().patientId()).isEqualTo("P");
        });
        assertThat(fromJson).isInstanceOf(Map.class);
    }

    @Test
    void shouldRunTheScheduledExportIncrementallyOnItsCron() {
        await().atMost(Duration.ofSeconds(10)).until(() -> service.calls.stream()
                .anyMatch(call -> call.destination().equals("s3://bucket/nightly/")));

        assertThat(service.calls).filteredOn(call -> call.destination().equals("s3://bucket/nightly/"))
                .allSatisfy(call -> assertThat(call.incremental()).isTrue());
    }
}
