package org.ahibridge.emulator.ahi.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An image set: its versions (1..n, the last is the latest), its search summary (of the latest
 * version) and tags. Immutable; the store replaces it on every change.
 */
public record ImageSet(String datastoreId, String id, List<ImageSetVersion> versions, ImageSetTags dicom,
        Map<String, String> tags) {

    public static final String ACTIVE = "ACTIVE";
    public static final String LOCKED = "LOCKED";
    public static final String DELETED = "DELETED";

    public ImageSetVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public ImageSetVersion version(int versionId) {
        return versionId >= 1 && versionId <= versions.size() ? versions.get(versionId - 1) : null;
    }

    public boolean deleted() {
        return latest().state().equals(DELETED);
    }

    public boolean primary() {
        return latest().primary();
    }

    public long createdAt() {
        return versions.get(0).createdAt();
    }

    /** A new latest version. */
    public ImageSet withVersion(ImageSetVersion version, ImageSetTags newDicom) {
        List<ImageSetVersion> list = new ArrayList<>(versions);
        list.add(version);
        return new ImageSet(datastoreId, id, List.copyOf(list), newDicom, tags);
    }

    /** The latest version replaced (a status change that is not a new version). */
    public ImageSet withLatest(ImageSetVersion version) {
        List<ImageSetVersion> list = new ArrayList<>(versions);
        list.set(list.size() - 1, version);
        return new ImageSet(datastoreId, id, List.copyOf(list), dicom, tags);
    }

    public ImageSet withTags(Map<String, String> newTags) {
        return new ImageSet(datastoreId, id, versions, dicom, Map.copyOf(newTags));
    }
}
