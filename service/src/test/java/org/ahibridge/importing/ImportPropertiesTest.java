package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ImportPropertiesTest {

    @Test
    void shouldKeepJobPacingBelowAhisThrottleAndQuota() {
        assertThatThrownBy(() -> new ImportProperties.Jobs(1.5, 2, 50, Duration.ofSeconds(30), 20))
                .hasMessageContaining("ahibridge.import.jobs.starts-per-second");
        assertThatThrownBy(() -> new ImportProperties.Jobs(0.5, 3, 50, Duration.ofSeconds(30), 20))
                .hasMessageContaining("ahibridge.import.jobs.start-burst");
        assertThatThrownBy(() -> new ImportProperties.Jobs(0.5, 2, 100, Duration.ofSeconds(30), 20))
                .hasMessageContaining("ahibridge.import.jobs.max-concurrent-per-datastore must be 1 to 99");
    }

    @Test
    void shouldBuildTheBatchPolicyFromTheBatchSettings() {
        ImportProperties properties = new ImportProperties(
                new ImportProperties.Batch(100, 1_000, 500, Duration.ofSeconds(30), 0),
                new ImportProperties.Jobs(0.5, 2, 50, Duration.ofSeconds(30), 20),
                new ImportProperties.Discovery(1000, Duration.ofMinutes(2), java.util.List.of()),
                new ImportProperties.Rules(java.util.List.of("**/*.dcm"), null, 1, -1), NonPrimaryPolicy.LEAVE, 3);

        assertThat(properties.batchPolicy()).isEqualTo(new BatchPolicy(100, 1_000, 500, Duration.ofSeconds(30), 0));
        assertThat(properties.importRules().exclusion("a/b.dcm", 10)).isEmpty();
        assertThatThrownBy(() -> new ImportProperties(properties.batch(), properties.jobs(), properties.discovery(),
                properties.rules(), NonPrimaryPolicy.REPORT, 0)).hasMessageContaining("ahibridge.import.max-attempts");
    }
}
