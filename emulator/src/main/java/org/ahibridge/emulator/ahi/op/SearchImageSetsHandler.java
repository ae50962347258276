package org.ahibridge.emulator.ahi.op;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.AhiRequest;
import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.Pages;
import org.ahibridge.emulator.ahi.store.ImageSet;
import org.ahibridge.emulator.ahi.store.ImageSetTags;
import org.ahibridge.emulator.http.HttpReply;

/**
 * SearchImageSets (docs/aws-healthimaging.md §3): the body is the SearchCriteria ({@code filters}, 1..2, each EQUAL
 * with
 * one value or BETWEEN with two; {@code sort}); maxResults and nextToken are query parameters.
 * Several filters must all match. BETWEEN applies to createdAt, updatedAt and DICOMStudyDateAndTime.
 *
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_SearchImageSets.html">SearchImageSets</a>
 */
public final class SearchImageSetsHandler {

    private final AhiContext context;

    public SearchImageSetsHandler(AhiContext context) {
        this.context = context;
    }

    public HttpReply handle(AhiRequest request) {
        String datastoreId = AhiContext.id(request, "datastoreId");
        JsonNode criteria = request.json();
        context.store().datastore(datastoreId);
        Predicate<ImageSet> filter = SearchFilters.of(criteria.path("filters"));
        JsonNode sort = criteria.get("sort");
        List<ImageSet> all = new ArrayList<>(context.store().imageSets(datastoreId).stream().filter(filter).toList());
        all.sort(order(sort));
        Pages.Page<ImageSet> page = Pages.page(all, request.query("nextToken"), request.query("maxResults"),
                "search-" + datastoreId);
        ObjectNode body = Json.object();
        ArrayNode summaries = body.putArray("imageSetsMetadataSummaries");
        page.items().forEach(imageSet -> summaries.add(summary(imageSet)));
        if (sort != null && !sort.isNull()) {
            body.set("sort", sort);
        }
        DatastoreHandlers.putIfSet(body, "nextToken", page.nextToken());
        return Json.ok(body);
    }

    private static Comparator<ImageSet> order(JsonNode sort) {
        String field = "updatedAt";
        String direction = "DESC";
        if (sort != null && !sort.isNull()) {
            field = sort.path("sortField").asText("");
            direction = sort.path("sortOrder").asText("");
            if (!List.of("updatedAt", "createdAt", "DICOMStudyDateAndTime").contains(field)) {
                throw AhiError.validation("sortField must be updatedAt, createdAt or DICOMStudyDateAndTime");
            }
            if (!direction.equals("ASC") && !direction.equals("DESC")) {
                throw AhiError.validation("sortOrder must be ASC or DESC");
            }
        }
        Comparator<ImageSet> comparator = switch (field) {
            case "createdAt" -> Comparator.comparingLong(ImageSet::createdAt);
            case "DICOMStudyDateAndTime" -> Comparator.comparing(i -> SearchFilters.studyDateTime(
                    i.dicom().studyDate(), i.dicom().studyTime()));
            default -> Comparator.comparingLong(i -> i.latest().updatedAt());
        };
        comparator = comparator.thenComparing(ImageSet::id);
        return direction.equals("DESC") ? comparator.reversed() : comparator;
    }

    private static ObjectNode summary(ImageSet imageSet) {
        ObjectNode node = Json.object().put("imageSetId", imageSet.id()).put("version", imageSet.latest().versionId());
        Json.putTime(node, "createdAt", imageSet.createdAt());
        Json.putTime(node, "updatedAt", imageSet.latest().updatedAt());
        node.put("storageTier", "FREQUENT_ACCESS");
        node.put("isPrimary", imageSet.primary());
        ImageSetTags t = imageSet.dicom();
        ObjectNode tags = node.putObject("DICOMTags");
        DatastoreHandlers.putIfSet(tags, "DICOMPatientId", t.patientId());
        DatastoreHandlers.putIfSet(tags, "DICOMPatientName", t.patientName());
        DatastoreHandlers.putIfSet(tags, "DICOMPatientBirthDate", t.patientBirthDate());
        DatastoreHandlers.putIfSet(tags, "DICOMPatientSex", t.patientSex());
        DatastoreHandlers.putIfSet(tags, "DICOMStudyInstanceUID", t.studyInstanceUid());
        DatastoreHandlers.putIfSet(tags, "DICOMStudyId", t.studyId());
        DatastoreHandlers.putIfSet(tags, "DICOMStudyDescription", t.studyDescription());
        tags.put("DICOMNumberOfStudyRelatedSeries", t.numberOfSeries());
        tags.put("DICOMNumberOfStudyRelatedInstances", t.numberOfInstances());
        DatastoreHandlers.putIfSet(tags, "DICOMAccessionNumber", t.accessionNumber());
        DatastoreHandlers.putIfSet(tags, "DICOMSeriesInstanceUID", t.seriesInstanceUid());
        DatastoreHandlers.putIfSet(tags, "DICOMSeriesModality", t.modality());
        DatastoreHandlers.putIfSet(tags, "DICOMSeriesBodyPart", t.bodyPart());
        if (t.seriesNumber() != null) {
            tags.put("DICOMSeriesNumber", t.seriesNumber());
        }
        DatastoreHandlers.putIfSet(tags, "DICOMStudyDate", t.studyDate());
        DatastoreHandlers.putIfSet(tags, "DICOMStudyTime", t.studyTime());
        return node;
    }
}
