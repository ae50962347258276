package org.ahibridge.exporting;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard an export works ({@code ahibridge.export.tuning.*}, docs/export-pipeline.md "Concurrency"): image
 * sets whose metadata is fetched and whose instances are exported at once, instances rebuilt at once, the
 * bounds of the frame budget ({@link FrameBudget}: frames fetched or in flight, sized from rate x latency,
 * between {@code minFramesInFlight} and {@code maxFramesInFlight}, at most {@code maxBufferedBytes} of them),
 * the most frames one instance may hold, and the folder for spooled files (null: the system's temporary one).
 */
public record ExportSettings(@DefaultValue("8") int imageSetsInFlight, @DefaultValue("64") int instancesInFlight,
        @DefaultValue("16") int minFramesInFlight, @DefaultValue("128") int maxFramesInFlight,
        @DefaultValue("67108864") long maxBufferedBytes, @DefaultValue("2.0") double headroom,
        @DefaultValue("64") int frameWindow, Path spoolDirectory) {

    public static final ExportSettings DEFAULT = new ExportSettings(8, 64, 16, 128, 64L << 20, 2.0, 64, null);

    public ExportSettings {
        if (imageSetsInFlight < 1 || instancesInFlight < 1 || minFramesInFlight < 1 || frameWindow < 1) {
            throw new IllegalArgumentException("image sets, instances, frames in flight and the window must be"
                    + " at least 1");
        }
        if (maxFramesInFlight < minFramesInFlight || maxBufferedBytes < 1 || headroom < 1) {
            throw new IllegalArgumentException("maxFramesInFlight must be at least minFramesInFlight, headroom at"
                    + " least 1, maxBufferedBytes positive");
        }
    }

    public Path spool() {
        return spoolDirectory != null ? spoolDirectory
                : Path.of(System.getProperty("java.io.tmpdir"), "ahi-bridge-export");
    }
}
