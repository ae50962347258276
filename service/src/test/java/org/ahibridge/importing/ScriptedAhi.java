package org.ahibridge.importing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.ahibridge.ahi.AhiOperations;
import org.ahibridge.ahi.ImportJob;
import org.ahibridge.ahi.ImportJobRequest;
import org.ahibridge.ahi.ImportJobStatus;
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.ListPage;

/**
 * A stand-in for AHI behind our own {@link AhiOperations} interface (not the SDK) for core-flow tests:
 * a job "imports" every staged file under its input prefix at once and writes the docs/aws-healthimaging.md §6 output
 * layout, failing files whose key contains "bad" with a ValidationException. Same client token, same
 * job, as AHI's idempotency.
 */
final class ScriptedAhi implements AhiOperations {

    private final BlobStore staging;
    private final String stagingRoot;
    private final BlobStore output;
    private final String outputUri;
    private final Map<String, ImportJob> jobsByToken = new HashMap<>();
    int starts;

    ScriptedAhi(BlobStore staging, String stagingRoot, BlobStore output, String outputUri) {
        this.staging = staging;
        this.stagingRoot = stagingRoot;
        this.output = output;
        this.outputUri = outputUri;
    }

    @Override
    public synchronized ImportJob startImportJob(ImportJobRequest request) {
        starts++;
        return jobsByToken.computeIfAbsent(request.clientToken(), token -> run(request));
    }

    private ImportJob run(ImportJobRequest request) {
        String jobId = String.format("%032x", jobsByToken.size() + 1);
        String batchFolder = request.inputS3Uri().substring(request.inputS3Uri().indexOf(stagingRoot) + stagingRoot.length());
        String folder = request.datastoreId() + "-DicomImport-" + jobId + "/";
        StringBuilder success = new StringBuilder();
        StringBuilder failure = new StringBuilder();
        int imported = 0;
        int failed = 0;
        for (ListPage page = staging.list(batchFolder, null, 10_000); ; ) {
            for (BlobInfo file : page.objects()) {
                String inputFile = stagingRoot + file.key();
                if (file.key().contains("bad")) {
                    failure.append("{\"inputFile\":\"").append(inputFile).append("\",\"exception\":{\"exceptionType\":"
                            + "\"ValidationException\",\"message\":\"DICOM attribute TransferSyntaxUID does not exist\"}}\n");
                    failed++;
                } else {
                    success.append("{\"inputFile\":\"").append(inputFile).append("\",\"importResponse\":{\"imageSetId\":\""
                            + "0123456789abcdef0123456789abcdef\",\"imageSetVersion\":1,\"isPrimary\":true}}\n");
                    imported++;
                }
            }
            if (page.isLast()) {
                break;
            }
            page = staging.list(batchFolder, page.nextToken(), 10_000);
        }
        write(folder + "SUCCESS/success.ndjson", success.toString());
        write(folder + "FAILURE/failure.ndjson", failure.toString());
        write(folder + "job-output-manifest.json", "{\"jobSummary\":{\"jobId\":\"" + jobId + "\",\"numberOfScannedFiles\":"
                + (imported + failed) + ",\"numberOfImportedFiles\":" + imported + ",\"numberOfFilesWithCustomerError\":"
                + failed + ",\"numberOfFilesWithServerError\":0,\"imageSetsSummary\":[]}}");
        return new ImportJob(request.datastoreId(), jobId, ImportJobStatus.COMPLETED, request.inputS3Uri(), outputUri,
                null, Instant.EPOCH, Instant.EPOCH);
    }

    private void write(String key, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        output.write(key, new ByteArrayInputStream(bytes), bytes.length);
    }

    @Override
    public synchronized ImportJob getImportJob(String datastoreId, String jobId) {
        return jobsByToken.values().stream().filter(j -> j.jobId().equals(jobId)).findFirst().orElseThrow();
    }
}
