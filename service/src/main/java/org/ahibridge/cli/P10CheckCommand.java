package org.ahibridge.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;

import org.ahibridge.audit.JsonLines;
import org.ahibridge.dicom.p10.P10Classifier;
import org.ahibridge.dicom.p10.P10Verdict;

/**
 * {@code p10 check [--json] PATH...} (docs/design.md §6): classifies files, and folders recursively in sorted
 * order, for DICOM Part 10 compliance with AHI's rules; one line per file, with {@code --json} one JSON
 * object per line (see {@link P10Json}). Runs without Spring. Exit 0 when every file was classified
 * (compliant or not), 2 on a usage error, 1 when a file or folder could not be read.
 */
public final class P10CheckCommand implements Command {

    static final CommandSpec SPEC = new CommandSpec("p10 check", "[--json] PATH...",
            "classifies files, or folders recursively, for DICOM Part 10 compliance",
            """
            Decides for each file whether it is a DICOM Part 10 file that AWS HealthImaging will import,
            reading only its header. Folders are checked recursively, in sorted order. Prints one line per
            file and a count at the end; with --json, one JSON object per file and line (path, compliant,
            reason, message, transferSyntaxUID, UIDs, size, bytesRead) and no count. Every PATH must exist:
            a missing one is a usage error, reported before any file is checked.""",
            List.of(Option.flag("--json", "one JSON object per file and line")),
            "PATH...", false,
            List.of("Exit status: 0 every file was classified, compliant or not; 1 a file or folder could not be",
                    "read; 2 usage error. Reason codes: docs/p10-classifier.md."));

    /** The {@code p10} group itself, which has the one subcommand {@code check}. */
    static final CommandSpec GROUP = new CommandSpec("p10", "check [--json] PATH...", SPEC.summary(),
            "Commands for DICOM Part 10 files. The only one is check; see: java -jar ahi-bridge.jar p10 check --help",
            List.of(), "check", false, List.of());

    private final P10Classifier classifier = new P10Classifier();

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !"check".equals(args[0])) {
            return CommandLine.run(GROUP, args, out, err, parsed -> {
                throw new UsageException(args.length == 0 ? "missing subcommand: check"
                        : "unknown subcommand; the only one is check");
            });
        }
        return CommandLine.run(SPEC, Arrays.copyOfRange(args, 1, args.length), out, err, parsed -> {
            if (parsed.operands().isEmpty()) {
                throw new UsageException("no PATH given: name the files or folders to check");
            }
            List<Path> paths = parsed.operands().stream().map(Path::of).toList();
            for (Path path : paths) {
                if (!Files.exists(path)) {
                    throw new UsageException("no such file or folder: " + path + "; check the path");
                }
            }
            return check(paths, parsed.has("--json"), out, err);
        });
    }

    /**
     * Lines go out through one buffer, not a flush per line: a check of tens of thousands of files would
     * otherwise spend much of its time in write calls. Errors go to {@code err} at once.
     */
    private int check(List<Path> paths, boolean json, PrintStream out, PrintStream err) {
        Writer lines = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (JsonGenerator generator = JsonLines.factory().createGenerator(lines)) {
            generator.setRootValueSeparator(null);
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            int status = check(paths, json ? generator : null, lines, err);
            generator.flush();
            lines.flush();
            return status;
        } catch (IOException e) {
            err.println("p10 check: cannot write the output (" + e.getClass().getSimpleName() + ")");
            return Commands.FAILED;
        }
    }

    /** {@code json} is null for readable lines. */
    private int check(List<Path> paths, JsonGenerator json, Writer lines, PrintStream err) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        int files = 0;
        int failures = 0;
        for (Path root : paths) {
            List<FoundFile> found;
            try {
                found = filesUnder(root);
            } catch (IOException | UncheckedIOException e) {
                flush(json, lines);
                err.println("p10 check: cannot list " + root + " (" + e.getClass().getSimpleName()
                        + "): check that the folder and its subfolders can be read");
                failures++;
                continue;
            }
            for (FoundFile each : found) {
                Path file = each.path();
                try {
                    P10Verdict verdict = classifier.classify(file, each.size());
                    if (json != null) {
                        P10Json.write(json, file, verdict);
                        json.writeRaw('\n');
                    } else {
                        lines.write(P10Json.text(file, verdict));
                        lines.write('\n');
                    }
                    counts.merge(verdict.compliant() ? "COMPLIANT" : verdict.reasonCode(), 1, Integer::sum);
                    files++;
                } catch (IOException e) {
                    flush(json, lines); // the error line comes after the lines of the files before it
                    err.println("p10 check: cannot read " + file + " (" + e.getClass().getSimpleName()
                            + "): check that the file can be read");
                    failures++;
                }
            }
        }
        if (json == null) {
            lines.write(summary(files, counts));
            lines.write('\n');
        }
        return failures == 0 ? Commands.OK : Commands.FAILED;
    }

    private static void flush(JsonGenerator json, Writer lines) throws IOException {
        if (json != null) {
            json.flush();
        }
        lines.flush();
    }

    /** A regular file and its size, as the folder walk saw it (no second stat per file). */
    private record FoundFile(Path path, long size) {
    }

    /** The regular files under {@code root} (or {@code root} itself), in sorted order. */
    private static List<FoundFile> filesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of(new FoundFile(root, Files.size(root)));
        }
        List<FoundFile> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    found.add(new FoundFile(file, attributes.size()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        found.sort(Comparator.comparing(FoundFile::path));
        return found;
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
}
