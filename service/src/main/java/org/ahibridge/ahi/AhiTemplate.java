package org.ahibridge.ahi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.DICOMImportJobProperties;
import software.amazon.awssdk.services.medicalimaging.model.GetImageFrameResponse;
import software.amazon.awssdk.services.medicalimaging.model.GetImageSetResponse;
import software.amazon.awssdk.services.medicalimaging.model.SearchFilter;
import software.amazon.awssdk.services.medicalimaging.model.SearchImageSetsResponse;
import software.amazon.awssdk.services.medicalimaging.model.StartDicomImportJobResponse;

/**
 * {@link AhiOperations} over the AWS SDK's {@link MedicalImagingClient}, for import and export alike: every call
 * waits for its token bucket ({@link AhiPaces}; the cap on concurrent import jobs needs the ledger and lives in
 * the importer), is translated by {@link AhiErrors} and retried by one {@link AhiRetry}.
 */
public final class AhiTemplate implements AhiOperations {

    static final String START = "StartDICOMImportJob";
    static final String GET = "GetDICOMImportJob";
    static final String SEARCH = "SearchImageSets";
    static final String GET_IMAGE_SET = "GetImageSet";
    static final String METADATA = "GetImageSetMetadata";
    static final String FRAME = "GetImageFrame";
    static final String GET_DATASTORE = "GetDatastore";
    /** A health check answers within this, even when AHI's endpoint accepts connections and never answers. */
    static final Duration STATUS_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MedicalImagingClient client;
    private final AhiPaces paces;
    private final AhiRetry retry;

    public AhiTemplate(MedicalImagingClient client, AhiPaces paces, AhiRetry retry) {
        this.client = Objects.requireNonNull(client, "client");
        this.paces = Objects.requireNonNull(paces, "paces");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    @Override
    public ImportJob startImportJob(ImportJobRequest request) {
        // The client token makes a repeated start return the same job, so a retry cannot start a second one.
        StartDicomImportJobResponse response = call(START, paces.starts(), () -> client.startDICOMImportJob(b -> b
                .datastoreId(request.datastoreId()).jobName(request.jobName()).clientToken(request.clientToken())
                .dataAccessRoleArn(request.dataAccessRoleArn()).inputS3Uri(request.inputS3Uri())
                .outputS3Uri(request.outputS3Uri())));
        return new ImportJob(response.datastoreId(), response.jobId(), status(response.jobStatusAsString()),
                request.inputS3Uri(), null, null, response.submittedAt(), null);
    }

    @Override
    public ImportJob getImportJob(String datastoreId, String jobId) {
        DICOMImportJobProperties job = call(GET, null, () -> client.getDICOMImportJob(b -> b.datastoreId(datastoreId)
                .jobId(jobId)).jobProperties());
        return new ImportJob(job.datastoreId(), job.jobId(), status(job.jobStatusAsString()), job.inputS3Uri(),
                job.outputS3Uri(), job.message(), job.submittedAt(), job.endedAt());
    }

    @Override
    public ImageSetPage searchImageSets(String datastoreId, List<SearchTerm> terms, String nextToken) {
        List<SearchFilter> filters = terms.stream().map(SearchFilters::of).toList();
        SearchImageSetsResponse response = call(SEARCH, paces.searches(), () -> client.searchImageSets(b -> {
            b.datastoreId(datastoreId).maxResults(50).nextToken(nextToken);
            if (!filters.isEmpty()) {
                b.searchCriteria(c -> c.filters(filters));
            }
        }));
        return new ImageSetPage(response.imageSetsMetadataSummaries().stream().map(SearchFilters::summary).toList(),
                response.nextToken());
    }

    @Override
    public String datastoreStatus(String datastoreId) {
        try {
            return client.getDatastore(b -> b.datastoreId(datastoreId)
                    .overrideConfiguration(o -> o.apiCallTimeout(STATUS_TIMEOUT))).datastoreProperties()
                    .datastoreStatusAsString();
        } catch (SdkException e) {
            throw AhiErrors.translate(GET_DATASTORE, e);
        }
    }

    @Override
    public ImageSetSummary getImageSet(String datastoreId, String imageSetId) {
        GetImageSetResponse r = call(GET_IMAGE_SET, paces.searches(),
                () -> client.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(imageSetId)));
        return new ImageSetSummary(r.imageSetId(), Integer.parseInt(r.versionId()), r.createdAt(), r.updatedAt(),
                r.isPrimary(), null, null, null, null, null, null);
    }

    @Override
    public JsonNode getImageSetMetadata(String datastoreId, String imageSetId, int version) {
        return call(METADATA, paces.metadata(), () -> {
            // The SDK hands the gzip bytes over as they are (docs/aws-healthimaging.md §4.1).
            try (ResponseInputStream<?> body = client.getImageSetMetadata(b -> b.datastoreId(datastoreId)
                    .imageSetId(imageSetId).versionId(Integer.toString(version)));
                    InputStream json = new GZIPInputStream(body, 64 * 1024)) {
                return MAPPER.readTree(json);
            } catch (IOException | UncheckedIOException e) {
                throw new AhiThrottledException(METADATA, null, 0, "reading the metadata failed: " + e, e);
            }
        });
    }

    @Override
    public ImageFrame getImageFrame(String datastoreId, String imageSetId, String imageFrameId) {
        return call(FRAME, paces.frames(), () -> {
            long start = System.nanoTime();
            try (ResponseInputStream<GetImageFrameResponse> body = client.getImageFrame(b -> b.datastoreId(datastoreId)
                    .imageSetId(imageSetId).imageFrameInformation(f -> f.imageFrameId(imageFrameId)))) {
                ImageFrame frame = new ImageFrame(body.readAllBytes(), body.response().contentType());
                paces.frameLatency().record(System.nanoTime() - start);
                return frame;
            } catch (IOException | UncheckedIOException e) {
                // A body cut off half-way is a broken connection: worth another try.
                throw new AhiThrottledException(FRAME, null, 0, "reading the frame failed: " + e, e);
            }
        });
    }

    private <T> T call(String operation, TokenBucket pace, Supplier<T> action) {
        return retry.call(() -> {
            if (pace != null) {
                try {
                    pace.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AhiThrottledException(operation, null, 0, "interrupted while waiting for the pace", e);
                }
            }
            try {
                return action.get();
            } catch (SdkException e) {
                throw AhiErrors.translate(operation, e);
            }
        });
    }

    static ImportJobStatus status(String value) {
        try {
            return value == null ? ImportJobStatus.UNKNOWN : ImportJobStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            return ImportJobStatus.UNKNOWN;
        }
    }
}
