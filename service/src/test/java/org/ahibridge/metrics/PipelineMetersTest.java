package org.ahibridge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class PipelineMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMeters meters = new PipelineMeters(registry);

    @Test
    void shouldCountOutcomesBySourceAndDatastoreAndNameAMissingLabelUnknown() {
        meters.importOutcome("IMPORTED", "inbox", "local");
        meters.importOutcome("IMPORTED", "inbox", "local");
        meters.importOutcome("FAILED", "inbox", null);

        assertThat(registry.get("ahibridge.import.objects").tags("outcome", "IMPORTED", "source", "inbox",
                "datastore", "local").counter().count()).isEqualTo(2);
        assertThat(registry.get("ahibridge.import.objects").tags("outcome", "FAILED", "datastore", "unknown")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void shouldCountStagedFilesWithTheirBytesAndExportedFramesOfExportedInstancesOnly() {
        meters.staged("inbox", "local", 1000);
        meters.staged("inbox", "local", 24);
        meters.exported("EXPORTED", "local", 3);
        meters.exported("FAILED", "local", 0);

        assertThat(registry.get("ahibridge.import.objects.staged").counter().count()).isEqualTo(2);
        assertThat(registry.get("ahibridge.import.staged.bytes").counter().count()).isEqualTo(1024);
        assertThat(registry.get("ahibridge.export.instances").tags("outcome", "EXPORTED").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("ahibridge.export.frames").counter().count()).isEqualTo(3);
    }
}
