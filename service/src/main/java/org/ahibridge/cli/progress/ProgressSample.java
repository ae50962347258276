package org.ahibridge.cli.progress;

import java.util.List;

/**
 * One look at a run in progress, as a source reports it: how many items have their outcome ({@code done}) of how
 * many are known so far ({@code known}, which may still grow while a listing or search goes on), and the groups
 * of figures the display shows after them, each already worded (e.g. {@code "IMPORTED 1,200 FAILED 4"}).
 *
 * @param unit what is counted, plural ({@code objects}, {@code instances})
 */
public record ProgressSample(String unit, long done, long known, List<String> details) {

    public ProgressSample {
        details = List.copyOf(details);
    }
}
