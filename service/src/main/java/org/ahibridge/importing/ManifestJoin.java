package org.ahibridge.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ahibridge.ahi.ImportJob;
import org.ahibridge.ahi.ImportJobStatus;
import org.ahibridge.importing.FileResolution.Result;
import org.ahibridge.ledger.SourceObject;

/**
 * Joins an import job's output back to the batch's files through their staging keys (docs/design.md §1
 * step 7), so that every file of the batch gets exactly one {@link FileResolution}: lines naming no file
 * of the batch are returned as unmatched, a prefix-level failure line applies to every file under the
 * prefix, and a file no line mentions is FAILED "not reported by import job".
 */
public final class ManifestJoin {

    static final String NOT_REPORTED = "not reported by import job";
    static final String NON_PRIMARY = "non-primary image set: its metadata conflicts with an existing primary"
            + " image set";

    private final int maxAttempts;

    public ManifestJoin(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** The result: one resolution per file, in the order of {@code files}. */
    public record Joined(List<FileResolution> files, List<ManifestEntry> unmatched, List<String> problems) {
    }

    /**
     * @param files the batch's files, each with its staging key (the full key in the staging bucket, as
     *              AHI reports it in {@code inputFile}; a line naming {@code s3://bucket/key} matches too)
     */
    public Joined join(List<SourceObject> files, ImportOutput output, ImportJob job) {
        Map<String, SourceObject> byKey = new HashMap<>();
        files.forEach(f -> byKey.put(f.stagingKey(), f));
        Map<Long, FileResolution> resolved = new LinkedHashMap<>();
        List<ManifestEntry> unmatched = new ArrayList<>();
        List<ManifestEntry> prefixFailures = new ArrayList<>();
        List<String> problems = new ArrayList<>(output.problems());
        for (ManifestEntry entry : output.entries()) {
            String key = normalize(entry.inputFile());
            SourceObject file = byKey.get(key);
            if (file == null) {
                (entry.kind() == ManifestEntry.Kind.FAILURE && key.endsWith("/") ? prefixFailures : unmatched).add(entry);
                continue;
            }
            FileResolution next = resolve(file, entry);
            FileResolution previous = resolved.get(file.id());
            resolved.put(file.id(), previous == null ? next : merge(previous, next, problems));
        }
        List<FileResolution> result = new ArrayList<>(files.size());
        for (SourceObject file : files) {
            FileResolution resolution = resolved.get(file.id());
            result.add(resolution != null ? resolution : unreported(file, prefixFailures, job, output));
        }
        checkCounts(output, resolved.values(), problems);
        return new Joined(result, unmatched, problems);
    }

    private static void checkCounts(ImportOutput output, java.util.Collection<FileResolution> reported,
            List<String> problems) {
        if (output.summary() == null || output.summary().numberOfImportedFiles() == null) {
            return;
        }
        long imported = reported.stream().filter(r -> r.result() == Result.IMPORTED
                || r.result() == Result.IMPORTED_WITH_WARNINGS).count();
        if (imported != output.summary().numberOfImportedFiles()) {
            problems.add("the manifest counts " + output.summary().numberOfImportedFiles() + " imported files but its"
                    + " SUCCESS and WARNING lines name " + imported + " files of the batch");
        }
    }

    private FileResolution resolve(SourceObject file, ManifestEntry entry) {
        return switch (entry.kind()) {
            case SUCCESS -> new FileResolution(file, Result.IMPORTED, entry.isPrimary() == Boolean.FALSE ? NON_PRIMARY : null,
                    entry.imageSetId(), entry.imageSetVersion(), entry.isPrimary());
            case WARNING -> new FileResolution(file, Result.IMPORTED_WITH_WARNINGS, warnings(entry), entry.imageSetId(),
                    entry.imageSetVersion(), entry.isPrimary());
            case FAILURE -> failure(file, entry.exceptionType(), entry.message());
        };
    }

    private FileResolution failure(SourceObject file, String exceptionType, String message) {
        String reason = (exceptionType == null ? "" : exceptionType + ": ") + (message == null ? "no message" : message);
        if (FailureKind.of(exceptionType) == FailureKind.SERVER) {
            int attempt = file.attempts() + 1;
            return attempt < maxAttempts ? new FileResolution(file, Result.RETRY, reason, null, null, null)
                    : new FileResolution(file, Result.FAILED, "server error after " + attempt + " attempts: " + reason,
                            null, null, null);
        }
        return new FileResolution(file, Result.FAILED, reason, null, null, null);
    }

    // One file in two lines: a warning adds to a success; an import beats a contradicting failure.
    private static FileResolution merge(FileResolution previous, FileResolution next, List<String> problems) {
        boolean previousImported = previous.result() == Result.IMPORTED || previous.result() == Result.IMPORTED_WITH_WARNINGS;
        boolean nextImported = next.result() == Result.IMPORTED || next.result() == Result.IMPORTED_WITH_WARNINGS;
        if (previousImported != nextImported) {
            problems.add("staging key " + previous.file().stagingKey() + " is reported both imported and failed;"
                    + " it counts as imported");
        }
        if (!previousImported || (nextImported && next.result() == Result.IMPORTED_WITH_WARNINGS)) {
            return next.imageSetId() != null || !previousImported ? next
                    : new FileResolution(next.file(), next.result(), next.reason(), previous.imageSetId(),
                            previous.imageSetVersion(), previous.isPrimary());
        }
        return previous;
    }

    private FileResolution unreported(SourceObject file, List<ManifestEntry> prefixFailures, ImportJob job,
            ImportOutput output) {
        for (ManifestEntry failure : prefixFailures) {
            if (file.stagingKey().startsWith(normalize(failure.inputFile()))) {
                return failure(file, failure.exceptionType(), failure.message());
            }
        }
        if (job.status() == ImportJobStatus.FAILED && output.summary() == null) {
            return new FileResolution(file, Result.FAILED, "import job " + job.jobId() + " failed"
                    + (job.message() == null ? "" : ": " + job.message()), null, null, null);
        }
        return new FileResolution(file, Result.FAILED, NOT_REPORTED + " " + job.jobId(), null, null, null);
    }

    private static String warnings(ManifestEntry entry) {
        String warnings = entry.warnings().isEmpty() ? "imported with warnings" : String.join("; ", entry.warnings());
        return entry.isPrimary() == Boolean.FALSE ? NON_PRIMARY + "; " + warnings : warnings;
    }

    private static String normalize(String inputFile) {
        String key = inputFile;
        if (key.startsWith("s3://")) {
            int slash = key.indexOf('/', 5);
            key = slash < 0 ? "" : key.substring(slash + 1);
        }
        return key;
    }
}
