package org.ahibridge.emulator.ahi.op;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.ahi.AhiError;

/**
 * Applies the decoded {@code updatableAttributes} / {@code removableAttributes} documents of
 * UpdateImageSetMetadata (docs/aws-healthimaging.md §4.3) to a metadata document. Both mirror the document's tree.
 * Without {@code force}, the UIDs and Study ID and private (8-hex) tags cannot change; the
 * AHI-generated members (DG "Metadata constraints") never can.
 */
final class MetadataUpdates {

    private static final Set<String> FORCE_ONLY = Set.of("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID",
            "StudyID");
    private static final Set<String> GENERATED = Set.of("SchemaVersion", "DatastoreID", "ImageSetID", "PixelData",
            "ImageFrames", "StoredTransferSyntaxUID", "ChecksumType", "Checksum", "Width", "Height", "MinPixelValue",
            "MaxPixelValue", "FrameSizeInBytes");

    private MetadataUpdates() {
    }

    static void update(ObjectNode document, JsonNode updates, boolean force) {
        checkTopLevel(updates);
        if (updates.has("Patient")) {
            mergeDicom(document.withObjectProperty("Patient"), updates.get("Patient"), force);
        }
        JsonNode study = updates.path("Study");
        if (study.has("DICOM")) {
            mergeDicom(document.withObjectProperty("Study"), study, force);
        }
        for (Map.Entry<String, JsonNode> series : fields(study.path("Series"))) {
            ObjectNode target = existing(document.withObjectProperty("Study").withObjectProperty("Series"), series.getKey(), "series");
            mergeDicom(target, series.getValue(), force);
            for (Map.Entry<String, JsonNode> instance : fields(series.getValue().path("Instances"))) {
                ObjectNode targetInstance = existing(target.withObjectProperty("Instances"), instance.getKey(), "instance");
                mergeDicom(targetInstance, instance.getValue(), force);
                if (instance.getValue().has("DICOMVRs")) {
                    targetInstance.withObjectProperty("DICOMVRs").setAll((ObjectNode) instance.getValue().get("DICOMVRs"));
                }
            }
        }
    }

    static void remove(ObjectNode document, JsonNode removals, boolean force) {
        checkTopLevel(removals);
        removeDicom(document.withObjectProperty("Patient"), removals.path("Patient"), force);
        JsonNode study = removals.path("Study");
        removeDicom(document.withObjectProperty("Study"), study, force);
        ObjectNode allSeries = document.withObjectProperty("Study").withObjectProperty("Series");
        for (Map.Entry<String, JsonNode> series : fields(study.path("Series"))) {
            ObjectNode target = existing(allSeries, series.getKey(), "series");
            if (series.getValue().isObject() && series.getValue().isEmpty()) {
                allSeries.remove(series.getKey());
                continue;
            }
            removeDicom(target, series.getValue(), force);
            ObjectNode instances = target.withObjectProperty("Instances");
            for (Map.Entry<String, JsonNode> instance : fields(series.getValue().path("Instances"))) {
                ObjectNode targetInstance = existing(instances, instance.getKey(), "instance");
                if (instance.getValue().isObject() && instance.getValue().isEmpty()) {
                    instances.remove(instance.getKey());
                } else {
                    removeDicom(targetInstance, instance.getValue(), force);
                }
            }
        }
    }

    /** The series UIDs an update or removal document names under {@code Study.Series}. */
    static Set<String> seriesNamed(JsonNode updates) {
        return new java.util.LinkedHashSet<>(names(updates.path("Study").path("Series")));
    }

    /**
     * The part of an update or removal document that applies to an image set holding {@code seriesUids}: the
     * patient and study levels, and the entries of those series only (a study-wide update names series that
     * live in different image sets).
     */
    static JsonNode forSeries(JsonNode updates, Set<String> seriesUids) {
        if (!updates.isObject() || !updates.path("Study").path("Series").isObject()) {
            return updates;
        }
        ObjectNode copy = ((ObjectNode) updates).deepCopy();
        ObjectNode series = (ObjectNode) copy.get("Study").get("Series");
        for (String uid : names(series)) {
            if (!seriesUids.contains(uid)) {
                series.remove(uid);
            }
        }
        return copy;
    }

    private static void checkTopLevel(JsonNode document) {
        if (!document.isObject()) {
            throw AhiError.validation("Metadata updates must be a JSON object");
        }
        for (String key : names(document)) {
            if (!key.equals("SchemaVersion") && !key.equals("Patient") && !key.equals("Study")) {
                throw AhiError.validation("Unknown top-level member in metadata updates: " + key);
            }
        }
    }

    private static ObjectNode existing(ObjectNode parent, String uid, String what) {
        JsonNode node = parent.get(uid);
        if (node == null || !node.isObject()) {
            throw AhiError.validation("The image set has no " + what + " " + uid);
        }
        return (ObjectNode) node;
    }

    private static void mergeDicom(ObjectNode target, JsonNode level, boolean force) {
        JsonNode dicom = level.path("DICOM");
        if (!dicom.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> member : fields(dicom)) {
            check(member.getKey(), force);
            target.withObjectProperty("DICOM").set(member.getKey(), member.getValue());
        }
    }

    private static void removeDicom(ObjectNode target, JsonNode level, boolean force) {
        JsonNode dicom = level.path("DICOM");
        if (!dicom.isObject()) {
            return;
        }
        for (String key : names(dicom)) {
            check(key, force);
            target.withObjectProperty("DICOM").remove(key);
        }
    }

    private static void check(String key, boolean force) {
        if (GENERATED.contains(key)) {
            throw AhiError.validation("Attribute " + key + " is generated by the service and cannot be updated");
        }
        boolean privateTag = key.length() == 8 && key.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        if (!force && (FORCE_ONLY.contains(key) || privateTag)) {
            throw AhiError.validation("Updating " + key + " requires force=true");
        }
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        node.properties().iterator().forEachRemaining(list::add);
        return list;
    }

    private static List<String> names(JsonNode node) {
        List<String> list = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            list.add(it.next());
        }
        return list;
    }
}
