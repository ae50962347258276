package org.ahibridge.emulator.ahi.op;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.AhiRequest;
import org.ahibridge.emulator.ahi.Ids;
import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.Validate;
import org.ahibridge.emulator.ahi.store.ImageSet;
import org.ahibridge.emulator.ahi.store.ImageSetTags;
import org.ahibridge.emulator.ahi.store.ImageSets;
import org.ahibridge.emulator.ahi.store.AhiStore;
import org.ahibridge.emulator.http.HttpReply;

/**
 * CopyImageSet (docs/aws-healthimaging.md §1.3): copies the source's instances, or those {@code copiableAttributes}
 * selects, into a new image set or into an existing destination (a new version of it). Both latest
 * version ids must be current. A destination of another study needs {@code force}.
 * {@code promoteToPrimary} makes the result primary and demotes the primary image set of its series.
 * A copy to a new image set is otherwise non-primary.
 *
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_CopyImageSet.html">CopyImageSet</a>
 */
public final class CopyImageSetHandler {

    private final AhiContext context;

    public CopyImageSetHandler(AhiContext context) {
        this.context = context;
    }

    public HttpReply handle(AhiRequest request) {
        boolean force = request.flag("force");
        boolean promote = request.flag("promoteToPrimary");
        JsonNode body = request.json();
        JsonNode source = body.path("sourceImageSet");
        String sourceVersion = Validate.required("sourceImageSet.latestVersionId",
                Validate.text(source, "latestVersionId"), Validate.VERSION_ID);
        AhiStore store = context.store();
        ImageSet src;
        ImageSet dst;
        synchronized (store) {
            src = ImageSetReadHandlers.require(context, request, "sourceImageSetId");
            if (!sourceVersion.equals(Integer.toString(src.latest().versionId()))) {
                throw AhiError.notFound(UpdateImageSetMetadataHandler.NOT_LATEST);
            }
            ObjectNode copied = MetadataCopies.select(store.metadata(src.id(), src.latest().versionId()),
                    Validate.text(source.path("DICOMCopies"), "copiableAttributes"));
            JsonNode destination = body.get("destinationImageSet");
            String srcArn = context.settings().imageSetArn(src.datastoreId(), src.id());
            long now = context.now();
            if (destination == null || destination.isNull()) {
                String id = Ids.newId();
                context.events().imageSet("Image Set Copying", src.datastoreId(), id, 1, promote, ImageSet.LOCKED,
                        "COPYING", srcArn);
                if (promote) {
                    demotePrimary(store, src.datastoreId(), ImageSetTags.of(copied), now);
                }
                dst = ImageSets.create(store, src.datastoreId(), id, copied, promote, "COPIED", now);
            } else {
                String dstId = Validate.required("destinationImageSet.imageSetId",
                        Validate.text(destination, "imageSetId"), Validate.ID);
                String dstVersion = Validate.required("destinationImageSet.latestVersionId",
                        Validate.text(destination, "latestVersionId"), Validate.VERSION_ID);
                ImageSet target = store.imageSet(src.datastoreId(), dstId);
                if (target.deleted()) {
                    throw AhiError.notFound("Image set " + dstId + " does not exist");
                }
                if (!dstVersion.equals(Integer.toString(target.latest().versionId()))) {
                    throw AhiError.notFound(UpdateImageSetMetadataHandler.NOT_LATEST);
                }
                ObjectNode merged = store.metadata(target.id(), target.latest().versionId());
                if (!force && !java.util.Objects.equals(ImageSetTags.of(merged).studyInstanceUid(),
                        ImageSetTags.of(copied).studyInstanceUid())) {
                    throw AhiError.validation("Source and destination image sets belong to different studies; "
                            + "use force=true");
                }
                MetadataCopies.merge(merged, copied);
                context.events().imageSet("Image Set Copying", target.datastoreId(), target.id(),
                        target.latest().versionId(), target.primary() || promote, ImageSet.LOCKED, "COPYING", srcArn);
                if (promote && !target.primary()) {
                    demotePrimary(store, src.datastoreId(), ImageSetTags.of(merged), now);
                }
                dst = ImageSets.addVersion(store, target, merged, "COPIED", target.primary() || promote, force, now);
            }
        }
        context.events().imageSet("Image Set Copied", dst.datastoreId(), dst.id(), dst.latest().versionId(),
                dst.primary(), ImageSet.ACTIVE, "COPIED", context.settings().imageSetArn(src.datastoreId(), src.id()));
        ObjectNode reply = Json.object().put("datastoreId", src.datastoreId());
        reply.set("sourceImageSetProperties", properties(src, ImageSet.ACTIVE, src.latest().workflowStatus()));
        reply.set("destinationImageSetProperties", properties(dst, ImageSet.LOCKED, "COPYING"));
        return Json.ok(reply);
    }

    private void demotePrimary(AhiStore store, String datastoreId, ImageSetTags tags, long now) {
        for (ImageSet other : store.imageSets(datastoreId)) {
            if (other.primary() && java.util.Objects.equals(other.dicom().seriesInstanceUid(), tags.seriesInstanceUid())
                    && java.util.Objects.equals(other.dicom().studyInstanceUid(), tags.studyInstanceUid())) {
                ImageSets.withPrimary(store, other, false, now);
            }
        }
    }

    private ObjectNode properties(ImageSet imageSet, String state, String workflowStatus) {
        ObjectNode node = Json.object().put("imageSetId", imageSet.id())
                .put("latestVersionId", Integer.toString(imageSet.latest().versionId()))
                .put("imageSetState", state).put("imageSetWorkflowStatus", workflowStatus);
        Json.putTime(node, "createdAt", imageSet.createdAt());
        Json.putTime(node, "updatedAt", imageSet.latest().updatedAt());
        node.put("imageSetArn", context.settings().imageSetArn(imageSet.datastoreId(), imageSet.id()));
        return node;
    }
}
