package org.ahibridge.exporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ahibridge.ahi.AhiException;
import org.ahibridge.ahi.AhiRejectedException;
import org.ahibridge.ahi.AhiThrottledException;
import org.ahibridge.ahi.TokenBucket;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;
import software.amazon.awssdk.services.medicalimaging.model.DICOMTags;
import software.amazon.awssdk.services.medicalimaging.model.GetImageFrameResponse;
import software.amazon.awssdk.services.medicalimaging.model.GetImageSetResponse;
import software.amazon.awssdk.services.medicalimaging.model.ImageSetsMetadataSummary;
import software.amazon.awssdk.services.medicalimaging.model.Operator;
import software.amazon.awssdk.services.medicalimaging.model.SearchByAttributeValue;
import software.amazon.awssdk.services.medicalimaging.model.SearchFilter;
import software.amazon.awssdk.services.medicalimaging.model.SearchImageSetsResponse;

/**
 * {@link AhiReader} over the AWS SDK's {@link MedicalImagingClient}
 * (<a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_SearchImageSets.html">SearchImageSets</a>,
 * GetImageSet, GetImageSetMetadata, GetImageFrame). Calls are paced by token buckets and retried by
 * {@link Retrier}; the SDK's own retries should be off on the client so attempts are counted here.
 */
public final class SdkAhiReader implements AhiReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private final MedicalImagingClient client;
    private final String datastoreId;
    private final Retrier retrier;
    private final TokenBucket frames;
    private final TokenBucket metadata;
    private final TokenBucket searches;

    public SdkAhiReader(MedicalImagingClient client, String datastoreId, ExportPacing pacing) {
        this.client = client;
        this.datastoreId = datastoreId;
        this.retrier = new Retrier(pacing);
        this.frames = new TokenBucket(pacing.framesPerSecond(), (int) Math.max(1, pacing.framesPerSecond()));
        this.metadata = new TokenBucket(pacing.metadataPerSecond(), (int) Math.max(1, pacing.metadataPerSecond()));
        this.searches = new TokenBucket(pacing.searchesPerSecond(), (int) Math.max(1, pacing.searchesPerSecond()));
    }

    @Override
    public SearchPage search(List<SearchTerm> terms, String nextToken) {
        List<SearchFilter> filters = terms.stream().map(SdkAhiReader::filter).toList();
        SearchImageSetsResponse response = call("SearchImageSets", searches, () -> client.searchImageSets(b -> {
            b.datastoreId(datastoreId).maxResults(50).nextToken(nextToken);
            if (!filters.isEmpty()) {
                b.searchCriteria(c -> c.filters(filters));
            }
        }));
        return new SearchPage(response.imageSetsMetadataSummaries().stream().map(SdkAhiReader::summary).toList(),
                response.nextToken());
    }

    @Override
    public ImageSetSummary imageSet(String imageSetId) {
        GetImageSetResponse r = call("GetImageSet", searches,
                () -> client.getImageSet(b -> b.datastoreId(datastoreId).imageSetId(imageSetId)));
        return new ImageSetSummary(r.imageSetId(), Integer.parseInt(r.versionId()), r.createdAt(), r.updatedAt(),
                r.isPrimary(), null, null, null, null, null, null);
    }

    @Override
    public JsonNode metadata(String imageSetId, int version) {
        return call("GetImageSetMetadata", metadata, () -> {
            try (ResponseInputStream<?> body = client.getImageSetMetadata(b -> b.datastoreId(datastoreId)
                    .imageSetId(imageSetId).versionId(Integer.toString(version)));
                    InputStream json = new GZIPInputStream(body, 64 * 1024)) {
                return MAPPER.readTree(json);
            } catch (IOException e) {
                throw new AhiThrottledException("GetImageSetMetadata", null, 0, "reading the metadata failed: " + e, e);
            }
        });
    }

    @Override
    public Frame frame(String imageSetId, String imageFrameId) {
        return call("GetImageFrame", frames, () -> {
            try (ResponseInputStream<GetImageFrameResponse> body = client.getImageFrame(b -> b.datastoreId(datastoreId)
                    .imageSetId(imageSetId).imageFrameInformation(f -> f.imageFrameId(imageFrameId)))) {
                return new Frame(body.readAllBytes(), body.response().contentType());
            } catch (IOException e) {
                throw new AhiThrottledException("GetImageFrame", null, 0, "reading the frame failed: " + e, e);
            } catch (UncheckedIOException e) {
                throw new AhiThrottledException("GetImageFrame", null, 0, "reading the frame failed: " + e, e);
            }
        });
    }

    private <T> T call(String operation, TokenBucket pace, Supplier<T> action) {
        return retrier.call(() -> {
            try {
                pace.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AhiRejectedException(operation, null, 0, "interrupted", e);
            }
            try {
                return action.get();
            } catch (SdkException e) {
                throw translate(operation, e);
            }
        });
    }

    static AhiException translate(String operation, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null || service.awsErrorDetails().errorMessage() == null
                    ? String.valueOf(service.getMessage()) : service.awsErrorDetails().errorMessage();
            int status = service.statusCode();
            boolean transientFault = status >= 500 || status == 429 || service.isThrottlingException()
                    || "ThrottlingException".equals(code);
            return transientFault ? new AhiThrottledException(operation, code, status, message, e)
                    : new AhiRejectedException(operation, code, status, message, e);
        }
        if (e instanceof SdkClientException) {
            return new AhiThrottledException(operation, null, 0, "no answer from AHI: " + e.getMessage(), e);
        }
        return new AhiRejectedException(operation, null, 0, String.valueOf(e.getMessage()), e);
    }

    private static SearchFilter filter(SearchTerm term) {
        List<SearchByAttributeValue> values = new java.util.ArrayList<>();
        for (int i = 0; i < term.values().size(); i++) {
            Object v = term.values().get(i);
            // A study date without a time means 00:00 to AHI: the upper bound must reach the end of its day.
            values.add(term.attribute() == SearchTerm.Attribute.STUDY_DATE && i == 1
                    ? SearchByAttributeValue.fromDicomStudyDateAndTime(d -> d.dicomStudyDate(((LocalDate) v).format(DA))
                            .dicomStudyTime("235959.999999"))
                    : value(term.attribute(), v));
        }
        return SearchFilter.builder().operator(term.between() ? Operator.BETWEEN : Operator.EQUAL).values(values)
                .build();
    }

    private static SearchByAttributeValue value(SearchTerm.Attribute attribute, Object v) {
        return switch (attribute) {
            case PATIENT_ID -> SearchByAttributeValue.fromDicomPatientId((String) v);
            case ACCESSION_NUMBER -> SearchByAttributeValue.fromDicomAccessionNumber((String) v);
            case STUDY_ID -> SearchByAttributeValue.fromDicomStudyId((String) v);
            case STUDY_INSTANCE_UID -> SearchByAttributeValue.fromDicomStudyInstanceUID((String) v);
            case SERIES_INSTANCE_UID -> SearchByAttributeValue.fromDicomSeriesInstanceUID((String) v);
            case STUDY_DATE -> SearchByAttributeValue.fromDicomStudyDateAndTime(d -> d.dicomStudyDate(
                    ((LocalDate) v).format(DA)));
            case CREATED_AT -> SearchByAttributeValue.fromCreatedAt((java.time.Instant) v);
            case UPDATED_AT -> SearchByAttributeValue.fromUpdatedAt((java.time.Instant) v);
            case IS_PRIMARY -> SearchByAttributeValue.fromIsPrimary((Boolean) v);
        };
    }

    private static ImageSetSummary summary(ImageSetsMetadataSummary s) {
        DICOMTags t = s.dicomTags() == null ? DICOMTags.builder().build() : s.dicomTags();
        return new ImageSetSummary(s.imageSetId(), s.version() == null ? 1 : s.version(), s.createdAt(), s.updatedAt(),
                s.isPrimary(), t.dicomPatientId(), t.dicomAccessionNumber(), t.dicomStudyId(),
                t.dicomStudyInstanceUID(), t.dicomSeriesInstanceUID(), t.dicomStudyDate());
    }
}
