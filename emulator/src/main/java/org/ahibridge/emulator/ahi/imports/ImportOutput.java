package org.ahibridge.emulator.ahi.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.store.ImportJob;

/**
 * Writes an import job's results as AHI does (docs/aws-healthimaging.md §6), under the job folder
 * {@code {outputS3Uri}/{datastoreId}-DicomImport-{jobId}/}: {@code job-output-manifest.json} and the
 * three NDJSON files ({@code SUCCESS/success.ndjson}, {@code FAILURE/failure.ndjson},
 * {@code WARNING/warning.ndjson}; written even when empty).
 */
final class ImportOutput {

    private final StringBuilder success = new StringBuilder();
    private final StringBuilder failure = new StringBuilder();
    private final StringBuilder warning = new StringBuilder();
    int scanned;
    int imported;
    int customerErrors;
    int serverErrors;

    void success(String key, String imageSetId, boolean primary) {
        ObjectNode line = Json.object().put("inputFile", key);
        line.putObject("importResponse").put("imageSetId", imageSetId).put("isPrimary", primary);
        success.append(line).append('\n');
        imported++;
    }

    /** A file imported with a warning: its line goes to warning.ndjson instead of success.ndjson. */
    void warning(String key, String imageSetId, int version, boolean primary, PendingInstance.ImportWarning w) {
        ObjectNode line = Json.object().put("inputFile", key);
        ObjectNode response = line.putObject("importResponse").put("imageSetId", imageSetId)
                .put("imageSetVersion", version).put("isPrimary", primary);
        response.putArray("warnings").addObject().put("warning_reason_code", w.code()).put("type", w.type())
                .put("message", w.message());
        warning.append(line).append('\n');
        imported++;
    }

    void failure(String key, String exceptionType, String message) {
        ObjectNode line = Json.object().put("inputFile", key);
        line.putObject("exception").put("exceptionType", exceptionType).put("message", message);
        failure.append(line).append('\n');
        if (exceptionType.equals("InternalServerException")) {
            serverErrors++;
        } else {
            customerErrors++;
        }
    }

    void write(S3Client s3, ImportJob job, List<ImageSetAssembler.Touched> imageSets) {
        S3Location folder = S3Location.parse(job.jobOutputS3Uri());
        ObjectNode summary = Json.object().put("jobId", job.id()).put("datastoreId", job.datastoreId())
                .put("inputS3Uri", job.inputS3Uri()).put("outputS3Uri", job.jobOutputS3Uri())
                .put("successOutputS3Uri", job.jobOutputS3Uri() + "SUCCESS/")
                .put("failureOutputS3Uri", job.jobOutputS3Uri() + "FAILURE/")
                .put("warningsOutputS3Uri", job.jobOutputS3Uri() + "WARNING/")
                .put("numberOfScannedFiles", scanned).put("numberOfImportedFiles", imported)
                .put("numberOfFilesWithCustomerError", customerErrors)
                .put("numberOfFilesWithServerError", serverErrors)
                .put("numberOfGeneratedImageSets", imageSets.size());
        ArrayNode sets = summary.putArray("imageSetsSummary");
        for (ImageSetAssembler.Touched t : imageSets) {
            sets.addObject().put("imageSetId", t.imageSetId()).put("imageSetVersion", t.version())
                    .put("isPrimary", t.primary()).put("numberOfMatchedSOPInstances", t.matchedInstances());
        }
        ObjectNode manifest = Json.object();
        manifest.set("jobSummary", summary);
        put(s3, folder, "job-output-manifest.json", manifest.toPrettyString(), "application/json");
        put(s3, folder, "SUCCESS/success.ndjson", success.toString(), "application/x-ndjson");
        put(s3, folder, "FAILURE/failure.ndjson", failure.toString(), "application/x-ndjson");
        put(s3, folder, "WARNING/warning.ndjson", warning.toString(), "application/x-ndjson");
    }

    private static void put(S3Client s3, S3Location folder, String name, String content, String type) {
        s3.putObject(b -> b.bucket(folder.bucket()).key(folder.prefix() + name).contentType(type),
                RequestBody.fromBytes(content.getBytes(StandardCharsets.UTF_8)));
    }
}
