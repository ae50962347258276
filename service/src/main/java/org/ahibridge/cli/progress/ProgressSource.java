package org.ahibridge.cli.progress;

import java.util.Optional;

/** What a progress display asks, once per refresh: where the run stands, or empty before it has started. */
@FunctionalInterface
public interface ProgressSource {

    Optional<ProgressSample> sample();
}
