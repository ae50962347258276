package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BatchIdsTest {

    @Test
    void shouldMakeUniqueSortableIdsValidAsClientTokenAndFolderName() {
        BatchIds ids = new BatchIds(Clock.fixed(Instant.parse("2026-11-22T23:46:00Z"), ZoneOffset.UTC));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            seen.add(ids.get());
        }

        assertThat(seen).hasSize(1_000).allSatisfy(id -> assertThat(id)
                .matches("20261122T234600Z-[0-9a-f]{12}")
                .matches("[A-Za-z0-9._-]{1,64}"));
    }
}
