package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BatchPolicyTest {

    @Test
    void shouldDefaultToAhisImportJobLimits() {
        BatchPolicy policy = BatchPolicy.AHI_DEFAULTS;

        assertThat(policy.effectiveMaxFiles()).isEqualTo(5_000);
        assertThat(policy.effectiveMaxBytes()).isEqualTo(10_000_000_000L);
        assertThat(policy.effectiveMaxFileBytes()).isEqualTo(10_000_000_000L);
    }

    @Test
    void shouldShrinkBothLimitsBySafetyMargin() {
        BatchPolicy policy = new BatchPolicy(5_000, 10_000_000_000L, 4_000_000_000L, Duration.ofMinutes(1), 10);

        assertThat(policy.effectiveMaxFiles()).isEqualTo(4_500);
        assertThat(policy.effectiveMaxBytes()).isEqualTo(9_000_000_000L);
        assertThat(policy.effectiveMaxFileBytes()).isEqualTo(4_000_000_000L);
    }

    @Test
    void shouldRejectLimitsAboveAhisQuotaWithTheKeyToFix() {
        assertThatThrownBy(() -> new BatchPolicy(5_000, 10_000_000_001L, 1, Duration.ofMinutes(1), 0))
                .hasMessageContaining("ahibridge.import.batch.max-bytes");
        assertThatThrownBy(() -> new BatchPolicy(0, 1, 1, Duration.ofMinutes(1), 0))
                .hasMessageContaining("ahibridge.import.batch.max-files");
        assertThatThrownBy(() -> new BatchPolicy(1, 1, 1, Duration.ZERO, 0))
                .hasMessageContaining("ahibridge.import.batch.max-age");
        assertThatThrownBy(() -> new BatchPolicy(1, 1, 1, Duration.ofSeconds(1), 95))
                .hasMessageContaining("safety-margin-percent");
    }
}
