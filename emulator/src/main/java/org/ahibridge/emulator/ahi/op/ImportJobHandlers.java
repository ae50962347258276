package org.ahibridge.emulator.ahi.op;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.AhiRequest;
import org.ahibridge.emulator.ahi.Ids;
import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.Pages;
import org.ahibridge.emulator.ahi.Validate;
import org.ahibridge.emulator.ahi.store.Datastore;
import org.ahibridge.emulator.ahi.store.ImportJob;
import org.ahibridge.emulator.http.HttpReply;

/**
 * StartDICOMImportJob, GetDICOMImportJob, ListDICOMImportJobs (docs/aws-healthimaging.md §2). Start checks the request
 * (with its {@code importConfiguration}, {@link ImportConfigurations}), honours {@code clientToken}
 * idempotency, the StartDICOMImportJob throttle (token bucket) and the concurrent-jobs quota, then hands
 * the job to the runner; the job runs asynchronously. GetDICOMImportJob echoes the configuration.
 *
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_StartDICOMImportJob.html">StartDICOMImportJob</a>
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_GetDICOMImportJob.html">GetDICOMImportJob</a>
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_ListDICOMImportJobs.html">ListDICOMImportJobs</a>
 */
public final class ImportJobHandlers {

    private static final Set<String> STATUSES = Set.of(ImportJob.SUBMITTED, ImportJob.IN_PROGRESS,
            ImportJob.COMPLETED, ImportJob.FAILED);
    private final AhiContext context;
    private final Consumer<ImportJob> runner;

    public ImportJobHandlers(AhiContext context, Consumer<ImportJob> runner) {
        this.context = context;
        this.runner = runner;
    }

    public HttpReply start(AhiRequest request) {
        String datastoreId = AhiContext.id(request, "datastoreId");
        JsonNode body = request.json();
        String role = Validate.required("dataAccessRoleArn", Validate.text(body, "dataAccessRoleArn"), Validate.ROLE_ARN);
        String token = Validate.required("clientToken", Validate.text(body, "clientToken"), Validate.CLIENT_TOKEN);
        String input = Validate.required("inputS3Uri", Validate.text(body, "inputS3Uri"), Validate.S3_URI);
        String output = Validate.required("outputS3Uri", Validate.text(body, "outputS3Uri"), Validate.S3_URI);
        String name = Validate.optional("jobName", Validate.text(body, "jobName"), Validate.JOB_NAME);
        String owner = Validate.optional("inputOwnerAccountId", Validate.text(body, "inputOwnerAccountId"),
                Validate.ACCOUNT_ID);
        JsonNode importConfiguration = ImportConfigurations.validated(body);
        ImportJob job;
        synchronized (context.store()) {
            Datastore datastore = context.store().datastore(datastoreId);
            var existing = context.store().jobByClientToken(datastoreId, token);
            if (existing.isPresent()) {
                return startReply(existing.get());
            }
            if (!datastore.status().equals("ACTIVE")) {
                throw AhiError.conflict("Datastore " + datastoreId + " is not ACTIVE");
            }
            if (!context.startJobBucket().tryAcquire()) {
                throw AhiError.throttling("Rate exceeded for StartDICOMImportJob");
            }
            long running = context.store().jobs(datastoreId).stream().filter(ImportJob::running).count();
            if (running >= context.settings().maxConcurrentJobs()) {
                throw AhiError.quotaExceeded("Max concurrent import jobs per data store ("
                        + context.settings().maxConcurrentJobs() + ") reached");
            }
            String jobId = Ids.newId();
            String prefix = output.endsWith("/") ? output : output + "/";
            job = new ImportJob(jobId, datastoreId, name == null ? jobId : name, ImportJob.SUBMITTED, role, input,
                    output, prefix + datastoreId + "-DicomImport-" + jobId + "/", owner, context.now(), 0, null, token,
                    importConfiguration);
            context.store().put(job);
        }
        context.events().job("Import Job Submitted", job);
        runner.accept(job);
        return startReply(job);
    }

    private static HttpReply startReply(ImportJob job) {
        ObjectNode body = Json.object().put("datastoreId", job.datastoreId()).put("jobId", job.id())
                .put("jobStatus", ImportJob.SUBMITTED);
        Json.putTime(body, "submittedAt", job.submittedAt());
        return Json.ok(body);
    }

    public HttpReply get(AhiRequest request) {
        String datastoreId = AhiContext.id(request, "datastoreId");
        String jobId = Validate.required("jobId", request.path("jobId"), Validate.JOB_ID);
        context.store().datastore(datastoreId);
        ImportJob job = context.store().job(datastoreId, jobId);
        ObjectNode properties = summary(job).put("inputS3Uri", job.inputS3Uri())
                .put("outputS3Uri", job.jobOutputS3Uri());
        if (job.importConfiguration() != null && !job.importConfiguration().isNull()) {
            properties.set("importConfiguration", job.importConfiguration());
        }
        ObjectNode body = Json.object();
        body.set("jobProperties", properties);
        return Json.ok(body);
    }

    public HttpReply list(AhiRequest request) {
        String datastoreId = AhiContext.id(request, "datastoreId");
        String status = request.query("jobStatus");
        if (status != null && !STATUSES.contains(status)) {
            throw AhiError.validation("Invalid jobStatus: " + status);
        }
        context.store().datastore(datastoreId);
        List<ImportJob> all = context.store().jobs(datastoreId).stream()
                .filter(j -> status == null || j.status().equals(status)).toList();
        Pages.Page<ImportJob> page = Pages.page(all, request.query("nextToken"), request.query("maxResults"),
                "jobs-" + datastoreId);
        ObjectNode body = Json.object();
        ArrayNode summaries = body.putArray("jobSummaries");
        page.items().forEach(job -> summaries.add(summary(job)));
        DatastoreHandlers.putIfSet(body, "nextToken", page.nextToken());
        return Json.ok(body);
    }

    private static ObjectNode summary(ImportJob job) {
        ObjectNode node = Json.object().put("jobId", job.id()).put("jobName", job.name())
                .put("jobStatus", job.status()).put("datastoreId", job.datastoreId())
                .put("dataAccessRoleArn", job.dataAccessRoleArn());
        Json.putTime(node, "endedAt", job.endedAt());
        Json.putTime(node, "submittedAt", job.submittedAt());
        DatastoreHandlers.putIfSet(node, "message", job.message());
        return node;
    }
}
