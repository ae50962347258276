package org.ahibridge.importing;

import java.util.List;

/**
 * Everything an import job wrote: the summary (null when {@code job-output-manifest.json} is missing),
 * the lines of the three NDJSON files, and problems met while reading (an unparseable line, a missing
 * manifest) which the accounting reports rather than hides.
 */
public record ImportOutput(JobSummary summary, List<ManifestEntry> entries, List<String> problems) {

    public ImportOutput {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    public static ImportOutput missing(String why) {
        return new ImportOutput(null, List.of(), List.of(why));
    }
}
