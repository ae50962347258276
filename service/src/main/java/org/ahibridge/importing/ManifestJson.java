package org.ahibridge.importing;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Maps the JSON of an import job's output files to records (field names as in docs/aws-healthimaging.md §6). */
final class ManifestJson {

    private ManifestJson() {
    }

    static JobSummary summary(JsonNode root) {
        JsonNode s = root.path("jobSummary");
        List<JobSummary.ImageSetSummary> imageSets = new ArrayList<>();
        for (JsonNode set : s.path("imageSetsSummary")) {
            imageSets.add(new JobSummary.ImageSetSummary(text(set, "imageSetId"), integer(set, "imageSetVersion"),
                    bool(set, "isPrimary"), integer(set, "numberOfMatchedSOPInstances")));
        }
        return new JobSummary(text(s, "jobId"), text(s, "datastoreId"), text(s, "inputS3Uri"), text(s, "outputS3Uri"),
                integer(s, "numberOfScannedFiles"), integer(s, "numberOfImportedFiles"),
                integer(s, "numberOfFilesWithCustomerError"), integer(s, "numberOfFilesWithServerError"),
                integer(s, "numberOfGeneratedImageSets"), imageSets);
    }

    /** One NDJSON line, or null when it names no input file. */
    static ManifestEntry entry(JsonNode line, ManifestEntry.Kind kind) {
        String inputFile = text(line, "inputFile");
        if (inputFile == null || inputFile.isEmpty()) {
            return null;
        }
        if (kind == ManifestEntry.Kind.FAILURE) {
            JsonNode exception = line.path("exception");
            return new ManifestEntry(kind, inputFile, null, null, null, text(exception, "exceptionType"),
                    text(exception, "message"), List.of());
        }
        JsonNode response = line.path("importResponse");
        List<String> warnings = new ArrayList<>();
        for (JsonNode warning : response.path("warnings")) {
            warnings.add(text(warning, "type") + " (" + text(warning, "warning_reason_code") + "): "
                    + text(warning, "message"));
        }
        return new ManifestEntry(kind, inputFile, text(response, "imageSetId"), integer(response, "imageSetVersion"),
                bool(response, "isPrimary"), null, null, warnings);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    // imageSetVersion is a number in manifests but a string in events; accept both.
    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.canConvertToInt()) {
            return value.intValue();
        }
        try {
            return Integer.valueOf(value.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isBoolean() ? value.booleanValue() : Boolean.valueOf(value.asText().trim().toLowerCase());
    }
}
