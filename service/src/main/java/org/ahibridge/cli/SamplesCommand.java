package org.ahibridge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.ahibridge.samples.SampleStudies;

/**
 * {@code samples --out DIR [--studies N] [--series N] [--instances N] [--seed N]}: writes synthetic
 * Part 10 sample files with the project's own writer, e.g. into {@code data/inbox} for the embedded
 * default walk-through.
 */
final class SamplesCommand implements Command {

    static final String USAGE = "usage: samples --out DIR [--studies 1] [--series 2] [--instances 5] [--seed N]";

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            OneShotArgs parsed = OneShotArgs.parse(args, Set.of("--out", "--studies", "--series", "--instances",
                    "--seed"), Set.of());
            String dir = parsed.values.get("--out");
            if (dir == null) {
                throw new IllegalArgumentException("--out is required");
            }
            List<Path> files = SampleStudies.write(Path.of(dir), SampleStudies.instances(
                    Long.parseLong(parsed.values.getOrDefault("--seed", Long.toString(System.currentTimeMillis()))),
                    Integer.parseInt(parsed.values.getOrDefault("--studies", "1")),
                    Integer.parseInt(parsed.values.getOrDefault("--series", "2")),
                    Integer.parseInt(parsed.values.getOrDefault("--instances", "5"))));
            out.println("wrote " + files.size() + " sample files under " + dir);
            return Commands.OK;
        } catch (IllegalArgumentException e) {
            err.println("samples: " + e.getMessage());
            err.println(USAGE);
            return Commands.USAGE;
        } catch (IOException e) {
            err.println("samples: " + e.getMessage());
            return Commands.FAILED;
        }
    }
}
