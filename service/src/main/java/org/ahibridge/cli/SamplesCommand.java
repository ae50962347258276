package org.ahibridge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.ahibridge.samples.SampleStudies;

/**
 * {@code samples --out DIR [--studies N] [--series N] [--instances N] [--seed N]}: writes synthetic
 * Part 10 sample files with the project's own writer, e.g. into {@code data/inbox} for the embedded
 * default walk-through.
 */
final class SamplesCommand implements Command {

    // Bounds that keep one run to at most a million small files; SampleStudies itself numbers more.
    private static final int MAX_STUDIES = 1000;
    private static final int MAX_SERIES = 100;
    private static final int MAX_INSTANCES = 10_000;

    static final CommandSpec SPEC = new CommandSpec("samples",
            "--out DIR [--studies N] [--series N] [--instances N] [--seed N]",
            "writes synthetic DICOM sample files (no real patient data)",
            """
            Writes synthetic DICOM Part 10 files with ahi-bridge's own writer, one per instance, to
            DIR/study-<StudyUID>/series-<SeriesUID>/image-<n>.dcm. The data is not real patient data.""",
            List.of(Option.value("--out", "DIR", "the folder to write into (required; created if missing)"),
                    Option.value("--studies", "N", "studies, 1 to " + MAX_STUDIES + " (default: 1)"),
                    Option.value("--series", "N", "series per study, 1 to " + MAX_SERIES + " (default: 2)"),
                    Option.value("--instances", "N", "instances per series, 1 to " + MAX_INSTANCES + " (default: 5)"),
                    Option.value("--seed", "N", """
                            a whole number from 0 up; the same seed writes the same UIDs
                            (default: the current time)""")),
            null, false,
            List.of("Exit status: 0 written; 1 the files could not be written; 2 usage error."));

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLine.run(SPEC, args, out, err, parsed -> {
            Path dir = Path.of(parsed.required("--out"));
            int studies = parsed.wholeNumber("--studies", 1, 1, MAX_STUDIES);
            int series = parsed.wholeNumber("--series", 2, 1, MAX_SERIES);
            int instances = parsed.wholeNumber("--instances", 5, 1, MAX_INSTANCES);
            long seed = parsed.wholeNumber("--seed", System.currentTimeMillis(), 0, Long.MAX_VALUE);
            try {
                List<Path> files = SampleStudies.write(dir, SampleStudies.instances(seed, studies, series, instances));
                out.println("wrote " + files.size() + " sample files under " + dir);
                return Commands.OK;
            } catch (IOException e) {
                err.println("samples: cannot write under " + dir + " (" + e.getClass().getSimpleName()
                        + "): check that the folder can be created and written, or choose another --out");
                return Commands.FAILED;
            }
        });
    }
}
