package org.ahibridge.emulator.ahi.op;

import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.AhiRequest;
import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.store.ImageSet;
import org.ahibridge.emulator.ahi.store.ImageSetVersion;
import org.ahibridge.emulator.http.HttpReply;

/**
 * DeleteImageSet (docs/aws-healthimaging.md §1.3): idempotent; answers LOCKED/DELETING as AWS does, and the image set
 * is DELETED at once (gone from search, GetImageSet answers ResourceNotFoundException).
 *
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_DeleteImageSet.html">DeleteImageSet</a>
 */
public final class DeleteImageSetHandler {

    private final AhiContext context;

    public DeleteImageSetHandler(AhiContext context) {
        this.context = context;
    }

    public HttpReply handle(AhiRequest request) {
        String datastoreId = AhiContext.id(request, "datastoreId");
        String imageSetId = AhiContext.id(request, "imageSetId");
        ImageSet imageSet;
        boolean deletedNow = false;
        synchronized (context.store()) {
            context.store().datastore(datastoreId);
            imageSet = context.store().imageSet(datastoreId, imageSetId);
            if (!imageSet.deleted()) {
                ImageSetVersion v = imageSet.latest();
                long now = context.now();
                imageSet = imageSet.withLatest(new ImageSetVersion(v.versionId(), ImageSet.DELETED, "DELETED",
                        v.primary(), v.createdAt(), now, now, v.message(), v.forced()));
                context.store().put(imageSet);
                deletedNow = true;
            }
        }
        if (deletedNow) {
            int version = imageSet.latest().versionId();
            context.events().imageSet("Image Set Deleting", datastoreId, imageSetId, version, imageSet.primary(),
                    ImageSet.LOCKED, "DELETING", null);
            context.events().imageSet("Image Set Deleted", datastoreId, imageSetId, version, imageSet.primary(),
                    ImageSet.DELETED, "DELETED", null);
        }
        return Json.ok(Json.object().put("datastoreId", datastoreId).put("imageSetId", imageSetId)
                .put("imageSetState", deletedNow ? ImageSet.LOCKED : ImageSet.DELETED)
                .put("imageSetWorkflowStatus", deletedNow ? "DELETING" : "DELETED"));
    }
}
