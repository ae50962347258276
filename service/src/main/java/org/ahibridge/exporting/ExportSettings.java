package org.ahibridge.exporting;

import java.nio.file.Path;

/**
 * How hard an export works: instances rebuilt at once, threads fetching frames (shared by all
 * instances), frames fetched ahead per instance (the memory bound: about
 * {@code instances x window} frames), the AHI pacing, and the folder for spooled files.
 * {@link #sequential()} is the baseline the benchmark compares against.
 */
public record ExportSettings(int instanceConcurrency, int frameThreads, int frameWindow, ExportPacing pacing,
        Path spoolDirectory) {

    public static final ExportSettings DEFAULT = new ExportSettings(4, 16, 8, ExportPacing.DEFAULT, null);

    public ExportSettings {
        if (instanceConcurrency < 1 || frameThreads < 1 || frameWindow < 1) {
            throw new IllegalArgumentException("concurrency, threads and window must be at least 1");
        }
    }

    /** One instance at a time, one frame at a time. */
    public static ExportSettings sequential() {
        return new ExportSettings(1, 1, 1, ExportPacing.DEFAULT, null);
    }

    public ExportSettings withPacing(ExportPacing newPacing) {
        return new ExportSettings(instanceConcurrency, frameThreads, frameWindow, newPacing, spoolDirectory);
    }

    public ExportSettings withConcurrency(int instances, int threads, int window) {
        return new ExportSettings(instances, threads, window, pacing, spoolDirectory);
    }
}
