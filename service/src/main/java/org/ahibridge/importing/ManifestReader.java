package org.ahibridge.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.storage.BlobStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an import job's output folder (docs/aws-healthimaging.md §6): {@code job-output-manifest.json} and the SUCCESS,
 * WARNING and FAILURE NDJSON files, line by line. A missing NDJSON file counts as empty (whether AHI
 * writes empty files is not documented); a line that is not valid JSON or has no {@code inputFile}
 * becomes a problem, and the files it might have named end up "not reported by import job".
 */
public final class ManifestReader {

    private final ObjectMapper json;

    public ManifestReader(ObjectMapper json) {
        this.json = json;
    }

    /** Reads the job folder at {@code jobFolderKey} (ending with '/') of the output storage. */
    public ImportOutput read(BlobStore output, String jobFolderKey) throws IOException {
        List<String> problems = new ArrayList<>();
        JobSummary summary = null;
        if (output.stat(jobFolderKey + JobOutputLocation.MANIFEST).isPresent()) {
            try (InputStream in = output.open(jobFolderKey + JobOutputLocation.MANIFEST)) {
                summary = ManifestJson.summary(json.readTree(in));
            }
        } else {
            problems.add(JobOutputLocation.MANIFEST + " is missing in " + output.describe() + jobFolderKey);
        }
        List<ManifestEntry> entries = new ArrayList<>();
        readLines(output, jobFolderKey + JobOutputLocation.SUCCESS, ManifestEntry.Kind.SUCCESS, entries, problems);
        readLines(output, jobFolderKey + JobOutputLocation.WARNING, ManifestEntry.Kind.WARNING, entries, problems);
        readLines(output, jobFolderKey + JobOutputLocation.FAILURE, ManifestEntry.Kind.FAILURE, entries, problems);
        return new ImportOutput(summary, entries, problems);
    }

    private void readLines(BlobStore output, String key, ManifestEntry.Kind kind, List<ManifestEntry> entries,
            List<String> problems) throws IOException {
        if (output.stat(key).isEmpty()) {
            return;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output.open(key), StandardCharsets.UTF_8))) {
            parse(lines, key, kind, entries, problems);
        }
    }

    /** Parses NDJSON lines of one kind; public for the event-driven path that already holds the text. */
    public void parse(BufferedReader lines, String source, ManifestEntry.Kind kind, List<ManifestEntry> entries,
            List<String> problems) throws IOException {
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = json.readTree(line);
                ManifestEntry entry = ManifestJson.entry(node, kind);
                if (entry == null) {
                    problems.add(source + " line " + number + " has no inputFile");
                } else {
                    entries.add(entry);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                problems.add(source + " line " + number + " is not JSON: " + e.getOriginalMessage());
            }
        }
    }
}
