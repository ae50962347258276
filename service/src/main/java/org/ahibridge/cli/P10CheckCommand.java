package org.ahibridge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.ahibridge.dicom.p10.P10Classifier;
import org.ahibridge.dicom.p10.P10Verdict;

/**
 * {@code p10 check [--json] PATH...} (DESIGN.md §6): classifies files, and folders recursively in sorted
 * order, for DICOM Part 10 compliance with AHI's rules; one line per file, with {@code --json} one JSON
 * object per line (see {@link P10Json}). Runs without Spring. Exit 0 when every file was classified
 * (compliant or not), 2 on a usage error, 1 when a file or folder could not be read.
 */
public final class P10CheckCommand implements Command {

    static final String USAGE = "usage: java -jar ahi-bridge.jar p10 check [--json] PATH...";

    private final P10Classifier classifier = new P10Classifier();

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !"check".equals(args[0])) {
            return usage(err, args.length == 0 ? "missing subcommand 'check'" : "unknown subcommand '" + args[0] + "'");
        }
        boolean json = false;
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if ("--json".equals(args[i])) {
                json = true;
            } else if (args[i].startsWith("-")) {
                return usage(err, "unknown option '" + args[i] + "'");
            } else {
                paths.add(Path.of(args[i]));
            }
        }
        if (paths.isEmpty()) {
            return usage(err, "no PATH given");
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                return usage(err, "no such file or folder: " + path);
            }
        }
        return check(paths, json, out, err);
    }

    private int check(List<Path> paths, boolean json, PrintStream out, PrintStream err) {
        Map<String, Integer> counts = new TreeMap<>();
        int files = 0;
        int failures = 0;
        for (Path root : paths) {
            List<Path> found;
            try {
                found = filesUnder(root);
            } catch (IOException | UncheckedIOException e) {
                err.println("p10 check: cannot list " + root + ": " + e.getMessage());
                failures++;
                continue;
            }
            for (Path file : found) {
                try {
                    P10Verdict verdict = classifier.classify(file);
                    out.println(json ? P10Json.line(file, verdict) : P10Json.text(file, verdict));
                    counts.merge(verdict.compliant() ? "COMPLIANT" : verdict.reasonCode(), 1, Integer::sum);
                    files++;
                } catch (IOException e) {
                    err.println("p10 check: cannot read " + file + ": " + e.getMessage());
                    failures++;
                }
            }
        }
        if (!json) {
            out.println(summary(files, counts));
        }
        return failures == 0 ? Commands.OK : Commands.FAILED;
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String summary(int files, Map<String, Integer> counts) {
        int compliant = counts.getOrDefault("COMPLIANT", 0);
        StringBuilder line = new StringBuilder().append(files).append(files == 1 ? " file: " : " files: ")
                .append(compliant).append(" compliant, ").append(files - compliant).append(" not compliant");
        List<String> reasons = new ArrayList<>();
        counts.forEach((reason, count) -> {
            if (!"COMPLIANT".equals(reason)) {
                reasons.add(reason + " " + count);
            }
        });
        if (!reasons.isEmpty()) {
            line.append(" (").append(String.join(", ", reasons)).append(')');
        }
        return line.toString();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("p10: " + problem);
        err.println(USAGE);
        err.println("  Classifies files, or folders recursively, for DICOM Part 10 compliance with AWS HealthImaging.");
        err.println("  --json   one JSON object per file and line");
        return Commands.USAGE;
    }
}
