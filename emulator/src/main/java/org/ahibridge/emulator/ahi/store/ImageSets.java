package org.ahibridge.emulator.ahi.store;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Creating image sets and adding versions: metadata blob first, then the record that points to it. */
public final class ImageSets {

    private ImageSets() {
    }

    /** A new image set at version 1 with the given document (its ImageSetID is set here). */
    public static ImageSet create(AhiStore store, String datastoreId, String imageSetId, ObjectNode document,
            boolean primary, String workflowStatus, long now) {
        document.put("DatastoreID", datastoreId).put("ImageSetID", imageSetId);
        store.putMetadata(imageSetId, 1, document);
        ImageSetVersion version = new ImageSetVersion(1, ImageSet.ACTIVE, workflowStatus, primary, now, now, 0, null,
                false);
        ImageSet imageSet = new ImageSet(datastoreId, imageSetId, List.of(version), ImageSetTags.of(document), Map.of());
        store.put(imageSet);
        return imageSet;
    }

    /** The next version with a new document. */
    public static ImageSet addVersion(AhiStore store, ImageSet imageSet, ObjectNode document, String workflowStatus,
            boolean primary, boolean forced, long now) {
        document.put("DatastoreID", imageSet.datastoreId()).put("ImageSetID", imageSet.id());
        int next = imageSet.latest().versionId() + 1;
        store.putMetadata(imageSet.id(), next, document);
        ImageSetVersion version = new ImageSetVersion(next, ImageSet.ACTIVE, workflowStatus, primary,
                imageSet.createdAt(), now, 0, null, forced);
        ImageSet updated = imageSet.withVersion(version, ImageSetTags.of(document));
        store.put(updated);
        return updated;
    }

    /** The latest version marked primary or not (no new version: CopyImageSet promoteToPrimary demotes the old primary). */
    public static ImageSet withPrimary(AhiStore store, ImageSet imageSet, boolean primary, long now) {
        ImageSetVersion v = imageSet.latest();
        ImageSet updated = imageSet.withLatest(new ImageSetVersion(v.versionId(), v.state(), v.workflowStatus(), primary,
                v.createdAt(), now, v.deletedAt(), v.message(), v.forced()));
        store.put(updated);
        return updated;
    }
}
