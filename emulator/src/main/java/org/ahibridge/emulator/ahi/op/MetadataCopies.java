package org.ahibridge.emulator.ahi.op;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.Json;

/**
 * The metadata side of CopyImageSet: {@code copiableAttributes} (a JSON string mirroring the metadata
 * tree, naming series and instances) selects what is copied; a copy into an existing image set adds the
 * copied series and instances to it.
 */
final class MetadataCopies {

    private MetadataCopies() {
    }

    /** The source document restricted to the series and instances {@code copiableAttributes} names. */
    static ObjectNode select(ObjectNode document, String copiable) {
        if (copiable == null) {
            return document;
        }
        JsonNode selection;
        try {
            selection = Json.MAPPER.readTree(copiable);
        } catch (IOException e) {
            throw AhiError.validation("copiableAttributes is not a JSON document");
        }
        JsonNode wanted = selection.path("Study").path("Series");
        ObjectNode series = document.withObjectProperty("Study").withObjectProperty("Series");
        for (Iterator<Map.Entry<String, JsonNode>> it = wanted.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode source = series.get(entry.getKey());
            if (source == null) {
                throw AhiError.validation("copiableAttributes names series " + entry.getKey()
                        + ", which the source image set does not have");
            }
            entry.getValue().path("Instances").fieldNames().forEachRemaining(uid -> {
                if (!source.path("Instances").has(uid)) {
                    throw AhiError.validation("copiableAttributes names instance " + uid
                            + ", which the source image set does not have");
                }
            });
        }
        for (Iterator<String> it = series.fieldNames(); it.hasNext();) {
            String seriesUid = it.next();
            if (!wanted.has(seriesUid)) {
                it.remove();
                continue;
            }
            JsonNode wantedInstances = wanted.get(seriesUid).path("Instances");
            ObjectNode instances = ((ObjectNode) series.get(seriesUid)).withObjectProperty("Instances");
            if (wantedInstances.isObject() && !wantedInstances.isEmpty()) {
                instances.retain(iterable(wantedInstances.fieldNames()));
            }
        }
        return document;
    }

    private static java.util.List<String> iterable(Iterator<String> names) {
        java.util.List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /** Adds the copied series and instances to the destination document (copied values win). */
    static void merge(ObjectNode destination, ObjectNode copied) {
        ObjectNode series = destination.withObjectProperty("Study").withObjectProperty("Series");
        for (Iterator<Map.Entry<String, JsonNode>> it = copied.path("Study").path("Series").properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            ObjectNode target = series.withObjectProperty(entry.getKey());
            target.withObjectProperty("DICOM").setAll((ObjectNode) entry.getValue().path("DICOM"));
            target.withObjectProperty("Instances").setAll((ObjectNode) entry.getValue().path("Instances"));
        }
    }
}
