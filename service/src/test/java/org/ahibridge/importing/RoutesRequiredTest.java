package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import org.ahibridge.ledger.SourceObject;
import org.junit.jupiter.api.Test;

/**
 * One-shot runs and re-drives have no path but the routes: without them they fail and name the routes, rather
 * than classify, batch or follow jobs some other way.
 */
class RoutesRequiredTest {

    static final ObjectFlow NOT_STARTED = new ObjectFlow() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void take(Iterator<SourceObject> objects) {
            throw new AssertionError("not started");
        }
    };

    static ImportRunner runner(ObjectFlow flow) {
        IncrementalLister lister = new IncrementalLister(null, null, null,
                new StabilityRule(Duration.ZERO, new TemporaryNames(List.of())), null, null, 10);
        return new ImportRunner(lister, null, null, null, null, null, null, () -> flow);
    }

    @Test
    void shouldRefuseToTakeObjectsWithoutTheObjectRoutes() {
        for (ObjectFlow flow : new ObjectFlow[] {null, NOT_STARTED}) {
            assertThatThrownBy(() -> runner(flow).take(List.of())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("import-objects (routes/import-objects.camel.yaml)");
        }
    }

    @Test
    void shouldRefuseToAdvanceBatchesWithoutTheBatchRoutes() {
        assertThatThrownBy(() -> new RoutedAdvance(() -> null).advance(null, datastore -> false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("import-advance");
    }
}
