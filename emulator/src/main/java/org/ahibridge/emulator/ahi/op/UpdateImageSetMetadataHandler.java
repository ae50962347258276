package org.ahibridge.emulator.ahi.op;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.AhiRequest;
import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.Validate;
import org.ahibridge.emulator.ahi.store.ImageSet;
import org.ahibridge.emulator.ahi.store.ImageSetTags;
import org.ahibridge.emulator.ahi.store.ImageSets;
import org.ahibridge.emulator.http.HttpReply;

/**
 * UpdateImageSetMetadata (docs/aws-healthimaging.md §1.3, §4.3): the body is the MetadataUpdates union, either
 * {@code DICOMUpdates} with base64 {@code updatableAttributes} / {@code removableAttributes} JSON, or
 * {@code revertToVersionId} ({@link MetadataUpdateRequest}). {@code latestVersion} must name the latest
 * version; otherwise the call fails like AWS does (ResourceNotFoundException "Requested version(s) of
 * ImageSet(s) is not the latest.", as production clients expect). The update applies at once; the reply
 * reports LOCKED/UPDATING as AWS's asynchronous update does, and the events follow.
 *
 * <p>{@code includeStudyImageSets=true} applies the update to every primary image set of the requested
 * one's study, atomically, each getting a new version (docs/aws-healthimaging.md §4.3): the patient and study levels
 * to all,
 * a series entry to the image set that holds that series. The other image sets go through
 * {@code UPDATING_FOR_STUDY_CONSISTENCY}, which their "Image Set Updating" events carry. Reverts cannot be
 * study-wide. No update may leave a {@code DICOMTags} value longer than the model allows
 * ({@link DicomTagLimits}).
 *
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_UpdateImageSetMetadata.html">UpdateImageSetMetadata</a>
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/devguide/update-image-set-metadata.html">Updating image set metadata</a>
 */
public final class UpdateImageSetMetadataHandler {

    static final String NOT_LATEST = "Requested version(s) of ImageSet(s) is not the latest.";
    static final String UPDATING = "UPDATING";
    static final String UPDATING_FOR_STUDY_CONSISTENCY = "UPDATING_FOR_STUDY_CONSISTENCY";
    private final AhiContext context;

    public UpdateImageSetMetadataHandler(AhiContext context) {
        this.context = context;
    }

    public HttpReply handle(AhiRequest request) {
        String latest = Validate.required("latestVersion", request.query("latestVersion"), Validate.VERSION_ID);
        boolean force = request.flag("force");
        boolean studyWide = request.flag("includeStudyImageSets");
        MetadataUpdateRequest updates = MetadataUpdateRequest.parse(request.json(), context.settings());
        if (studyWide && updates.revertTo() != null) {
            throw AhiError.validation("includeStudyImageSets cannot be used with revertToVersionId: a revert restores"
                    + " one image set's earlier version");
        }
        ImageSet requested;
        List<ImageSet> updated = new ArrayList<>();
        synchronized (context.store()) {
            requested = ImageSetReadHandlers.require(context, request, "imageSetId");
            if (!latest.equals(Integer.toString(requested.latest().versionId()))) {
                throw AhiError.notFound(NOT_LATEST);
            }
            // Every new document is made and checked before any is stored: a study-wide update is atomic.
            Map<ImageSet, ObjectNode> documents = new LinkedHashMap<>();
            if (updates.revertTo() != null) {
                documents.put(requested, context.store().metadata(requested.id(),
                        ImageSetReadHandlers.version(requested, updates.revertTo()).versionId()));
            } else if (studyWide) {
                documents.putAll(studyDocuments(requested, updates, force));
            } else {
                documents.put(requested, applied(requested, updates.updatable(), updates.removable(), force));
            }
            documents.values().forEach(document -> DicomTagLimits.check(ImageSetTags.of(document)));
            for (Map.Entry<ImageSet, ObjectNode> entry : documents.entrySet()) {
                ImageSet imageSet = entry.getKey();
                context.events().imageSet("Image Set Updating", imageSet.datastoreId(), imageSet.id(),
                        imageSet.latest().versionId(), imageSet.primary(), ImageSet.LOCKED,
                        imageSet == requested ? UPDATING : UPDATING_FOR_STUDY_CONSISTENCY, null);
                updated.add(ImageSets.addVersion(context.store(), imageSet, entry.getValue(), "UPDATED",
                        imageSet.primary(), force, context.now()));
            }
        }
        for (ImageSet imageSet : updated) {
            context.events().imageSet("Image Set Updated", imageSet.datastoreId(), imageSet.id(),
                    imageSet.latest().versionId(), imageSet.primary(), ImageSet.ACTIVE, "UPDATED", null);
        }
        ImageSet reply = updated.get(0);
        ObjectNode body = Json.object().put("datastoreId", reply.datastoreId()).put("imageSetId", reply.id())
                .put("latestVersionId", Integer.toString(reply.latest().versionId()))
                .put("imageSetState", ImageSet.LOCKED).put("imageSetWorkflowStatus", UPDATING);
        Json.putTime(body, "createdAt", reply.createdAt());
        Json.putTime(body, "updatedAt", reply.latest().updatedAt());
        return Json.ok(body);
    }

    /**
     * The requested image set first, then the other primary image sets of its study, each with the part of
     * the update that applies to it. A series entry that no image set of the study holds is refused.
     */
    private Map<ImageSet, ObjectNode> studyDocuments(ImageSet requested, MetadataUpdateRequest updates,
            boolean force) {
        List<ImageSet> study = new ArrayList<>();
        study.add(requested);
        String studyUid = requested.dicom().studyInstanceUid();
        for (ImageSet other : context.store().imageSets(requested.datastoreId())) {
            if (!other.id().equals(requested.id()) && !other.deleted() && other.primary()
                    && studyUid != null && studyUid.equals(other.dicom().studyInstanceUid())) {
                study.add(other);
            }
        }
        Map<ImageSet, ObjectNode> documents = new LinkedHashMap<>();
        Set<String> seriesLeft = new java.util.LinkedHashSet<>();
        for (JsonNode document : new JsonNode[] {updates.updatable(), updates.removable()}) {
            if (document != null) {
                seriesLeft.addAll(MetadataUpdates.seriesNamed(document));
            }
        }
        for (ImageSet imageSet : study) {
            ObjectNode current = context.store().metadata(imageSet.id(), imageSet.latest().versionId());
            Set<String> held = MetadataUpdates.seriesNamed(current);
            seriesLeft.removeAll(held);
            documents.put(imageSet, applied(imageSet,
                    updates.updatable() == null ? null : MetadataUpdates.forSeries(updates.updatable(), held),
                    updates.removable() == null ? null : MetadataUpdates.forSeries(updates.removable(), held), force));
        }
        if (!seriesLeft.isEmpty()) {
            throw AhiError.validation("No primary image set of the study holds series " + seriesLeft.iterator().next());
        }
        return documents;
    }

    /** The latest document of {@code imageSet} with the removals, then the updates, applied. */
    private ObjectNode applied(ImageSet imageSet, JsonNode updatable, JsonNode removable, boolean force) {
        ObjectNode document = context.store().metadata(imageSet.id(), imageSet.latest().versionId());
        if (removable != null) {
            MetadataUpdates.remove(document, removable, force);
        }
        if (updatable != null) {
            MetadataUpdates.update(document, updatable, force);
        }
        return document;
    }
}
