package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ahibridge.importing.StabilityRule.Decision;
import org.ahibridge.ledger.SeenObject;
import org.ahibridge.storage.BlobInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StabilityRuleTest {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    final StabilityRule rule = new StabilityRule(Duration.ofMinutes(2),
            new TemporaryNames(List.of("*.tmp", "*.part", ".~*", "~$*", "*.partial")));

    static BlobInfo object(String key, String version, long size, Instant modified) {
        return new BlobInfo(key, size, version, modified);
    }

    static SeenObject seen(String version, long size, long pass) {
        return new SeenObject("s", "k", version, size, pass, NOW.minusSeconds(30));
    }

    @Test
    void shouldWaitForAFreshObjectSeenForTheFirstTime() {
        assertThat(rule.decide(object("a.dcm", "v1", 10, NOW.minusSeconds(5)), Optional.empty(), 1, NOW))
                .isEqualTo(Decision.WAIT);
    }

    @Test
    void shouldTakeAnObjectSeenUnchangedInAnEarlierPass() {
        assertThat(rule.decide(object("a.dcm", "v1", 10, NOW.minusSeconds(5)), Optional.of(seen("v1", 10, 1)), 2, NOW))
                .isEqualTo(Decision.TAKE);
    }

    @Test
    void shouldWaitAgainWhenTheObjectChangedBetweenPasses() {
        assertThat(rule.decide(object("a.dcm", "v2", 10, NOW.minusSeconds(5)), Optional.of(seen("v1", 10, 1)), 2, NOW))
                .isEqualTo(Decision.WAIT);
        assertThat(rule.decide(object("a.dcm", "v1", 11, NOW.minusSeconds(5)), Optional.of(seen("v1", 10, 1)), 2, NOW))
                .isEqualTo(Decision.WAIT);
    }

    @Test
    void shouldNotCountASightingInTheSamePassAsASecondListing() {
        assertThat(rule.decide(object("a.dcm", "v1", 10, NOW.minusSeconds(5)), Optional.of(seen("v1", 10, 3)), 3, NOW))
                .isEqualTo(Decision.WAIT);
    }

    @Test
    void shouldTakeAnObjectOlderThanTheConfiguredAgeAtOnce() {
        assertThat(rule.decide(object("a.dcm", "v1", 10, NOW.minus(Duration.ofMinutes(2))), Optional.empty(), 1, NOW))
                .isEqualTo(Decision.TAKE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in/upload.dcm.tmp", "in/x.PART", "in/.~lock.dcm#", "~$report.dcm", "a/b/c.partial"})
    void shouldSkipTemporaryNamesEvenWhenOld(String key) {
        assertThat(rule.decide(object(key, "v1", 10, NOW.minus(Duration.ofDays(1))), Optional.empty(), 1, NOW))
                .isEqualTo(Decision.SKIP_TEMPORARY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in/tmp/a.dcm", "in/a.tmp.dcm", "part", "in/~a.dcm"})
    void shouldNotMistakeOrdinaryNamesForTemporaryOnes(String key) {
        assertThat(new TemporaryNames(List.of("*.tmp", "*.part", ".~*", "~$*")).isTemporary(key)).isFalse();
    }
}
