package org.ahibridge.dicom.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

/**
 * Reads an AWS HealthImaging image-set metadata document (docs/aws-healthimaging.md §4.2) back into one
 * {@link AhiMetadataInstance} per instance: patient, study and series levels merged into each
 * instance's data set, group 0002 split off as File Meta Information, VRs from the dictionary or
 * {@code DICOMVRs}, and the frame list. The export pipeline rebuilds Part 10 files from these.
 */
public final class AhiMetadataReader {

    private AhiMetadataReader() {
    }

    /** AHI's default storage format, HTJ2K lossless RPCL (docs/aws-healthimaging.md §5.2). */
    public static final String DEFAULT_STORED_SYNTAX = "1.2.840.10008.1.2.4.202";

    /**
     * Every instance of every series, in document order; an instance without
     * {@code StoredTransferSyntaxUID} is taken to be stored as HTJ2K lossless RPCL, AHI's default storage
     * format. Callers that know the data store's {@code losslessStorageFormat} should pass its syntax to
     * {@link #instances(JsonNode, String)} instead.
     */
    public static List<AhiMetadataInstance> instances(JsonNode document) {
        return instances(document, DEFAULT_STORED_SYNTAX);
    }

    /**
     * Every instance of every series, in document order; a missing or null {@code StoredTransferSyntaxUID}
     * means {@code datastoreStoredSyntax}, the syntax of the data store's storage format (docs/aws-healthimaging.md §4.2: "the
     * configured data store storage format"; 1.2.840.10008.1.2.4.90 for {@code JPEG_2000_LOSSLESS}).
     */
    public static List<AhiMetadataInstance> instances(JsonNode document, String datastoreStoredSyntax) {
        List<AhiMetadataInstance> result = new ArrayList<>();
        JsonNode study = document.path("Study");
        for (Iterator<Map.Entry<String, JsonNode>> series = study.path("Series").properties().iterator(); series.hasNext();) {
            Map.Entry<String, JsonNode> seriesEntry = series.next();
            JsonNode instances = seriesEntry.getValue().path("Instances");
            for (Iterator<Map.Entry<String, JsonNode>> it = instances.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> instance = it.next();
                result.add(instance(document, seriesEntry.getValue(), instance.getKey(), instance.getValue(),
                        datastoreStoredSyntax));
            }
        }
        return result;
    }

    private static AhiMetadataInstance instance(JsonNode document, JsonNode series, String sopUid,
            JsonNode instance, String datastoreStoredSyntax) {
        Map<String, String> vrs = new HashMap<>();
        instance.path("DICOMVRs").properties().iterator().forEachRemaining(e -> vrs.put(e.getKey().toUpperCase(), e.getValue().asText()));
        Attributes all = new Attributes();
        // The instance level goes first so its Specific Character Set applies to every level.
        AhiMetadataDecoder.decodeAll(instance.path("DICOM"), vrs, all);
        AhiMetadataDecoder.decodeAll(document.path("Patient").path("DICOM"), vrs, all);
        AhiMetadataDecoder.decodeAll(document.path("Study").path("DICOM"), vrs, all);
        AhiMetadataDecoder.decodeAll(series.path("DICOM"), vrs, all);
        Attributes fileMeta = all.subset(0x00020000, 0x00030000);
        Attributes dataset = new Attributes();
        for (Element element : all.elements()) {
            if (Tags.group(element.tag()) != 0x0002) {
                dataset.put(element);
            }
        }
        List<AhiMetadataFrame> frames = new ArrayList<>();
        for (JsonNode frame : instance.path("ImageFrames")) {
            JsonNode levels = frame.path("PixelDataChecksumFromBaseToFullResolution");
            JsonNode full = levels.size() > 0 ? levels.get(levels.size() - 1) : null;
            frames.add(new AhiMetadataFrame(frame.path("ID").asText(), frame.path("FrameSizeInBytes").asLong(-1),
                    full == null ? -1 : full.path("Checksum").asLong(-1),
                    full == null ? 0 : full.path("Width").asInt(), full == null ? 0 : full.path("Height").asInt(),
                    frame.hasNonNull("MinPixelValue") ? frame.get("MinPixelValue").asLong() : null,
                    frame.hasNonNull("MaxPixelValue") ? frame.get("MaxPixelValue").asLong() : null));
        }
        JsonNode stored = instance.get("StoredTransferSyntaxUID");
        VR pixelDataVr = instance.path("DICOM").has("PixelData")
                ? VR.valueOf(vrs.getOrDefault(Tags.toHex(Tags.PIXEL_DATA), "OB")) : null;
        return new AhiMetadataInstance(dataset.getString(Tags.STUDY_INSTANCE_UID),
                dataset.getString(Tags.SERIES_INSTANCE_UID), sopUid, fileMeta, dataset,
                stored == null || stored.isNull() ? datastoreStoredSyntax : stored.asText(), frames, pixelDataVr);
    }
}
