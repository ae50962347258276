package org.ahibridge.dicom.json;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.json.AhiMetadataLevels.Level;

/**
 * Builds the AWS HealthImaging image-set metadata document, schema 1.1 (docs/aws-healthimaging.md §4.2; AHI developer
 * guide "Getting image set metadata"): {@code Patient.DICOM}, {@code Study.DICOM},
 * {@code Study.Series[uid].DICOM} and {@code ...Instances[uid]} with {@code DICOM}, {@code DICOMVRs},
 * {@code StoredTransferSyntaxUID}, {@code ChecksumType} and {@code ImageFrames}.
 *
 * <p>Attributes are split by {@link AhiMetadataLevels}; adding an instance overwrites the patient,
 * study and series values with its own (the newest instance wins), as a re-import does.
 */
public final class AhiMetadataWriter {

    public static final String SCHEMA_VERSION = "1.1";
    /**
     * The instance's {@code ChecksumType} when each frame's {@code Checksum} is the CRC32 of its decoded
     * pixels, as AWS computes it (DG "pixel data verification"): the value real AHI metadata carries
     * (docs/aws-healthimaging.md §4.2, GC fixture).
     */
    public static final String CHECKSUM_OF_DECODED_PIXELS = "DECOMPRESSED";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AhiMetadataWriter() {
    }

    /** An empty document for an image set. */
    public static ObjectNode newDocument(String datastoreId, String imageSetId) {
        ObjectNode document = NODES.objectNode();
        document.put("SchemaVersion", SCHEMA_VERSION);
        document.put("DatastoreID", datastoreId);
        document.put("ImageSetID", imageSetId);
        document.putObject("Patient").putObject("DICOM");
        ObjectNode study = document.putObject("Study");
        study.putObject("DICOM");
        study.putObject("Series");
        return document;
    }

    /**
     * Adds (or replaces) one instance: its File Meta Information, data set, stored syntax and frames, with the
     * {@code ChecksumType} of {@link #checksumTypeOf}.
     */
    public static void putInstance(ObjectNode document, Attributes fileMeta, Attributes dataset,
            String storedTransferSyntaxUid, List<AhiMetadataFrame> frames) {
        putInstance(document, fileMeta, dataset, storedTransferSyntaxUid, checksumTypeOf(storedTransferSyntaxUid),
                frames);
    }

    /**
     * As above, for a writer that knows what its frames' checksums cover: {@code checksumType} is written as
     * the instance's {@code ChecksumType} ({@link #CHECKSUM_OF_DECODED_PIXELS} when the frame checksums cover
     * decoded pixels, docs/aws-healthimaging.md §4.2), or left out when null.
     */
    public static void putInstance(ObjectNode document, Attributes fileMeta, Attributes dataset,
            String storedTransferSyntaxUid, String checksumType, List<AhiMetadataFrame> frames) {
        String seriesUid = dataset.getString(Tags.SERIES_INSTANCE_UID);
        String sopUid = dataset.getString(Tags.SOP_INSTANCE_UID);
        ObjectNode patient = (ObjectNode) document.withObjectProperty("Patient").withObjectProperty("DICOM");
        ObjectNode study = (ObjectNode) document.withObjectProperty("Study").withObjectProperty("DICOM");
        ObjectNode series = document.withObjectProperty("Study").withObjectProperty("Series").withObjectProperty(seriesUid);
        ObjectNode seriesDicom = series.withObjectProperty("DICOM");
        ObjectNode instance = NODES.objectNode();
        ObjectNode instanceDicom = instance.putObject("DICOM");
        ObjectNode vrs = NODES.objectNode();
        for (Element element : fileMeta.elements()) {
            AhiMetadataValues.put(element, fileMeta.charset(), instanceDicom, vrs);
        }
        for (Element element : dataset.elements()) {
            Level level = AhiMetadataLevels.levelOf(element.tag());
            ObjectNode target = switch (level) {
                case PATIENT -> patient;
                case STUDY -> study;
                case SERIES -> seriesDicom;
                case INSTANCE -> instanceDicom;
            };
            AhiMetadataValues.put(element, dataset.charset(), target, vrs);
        }
        instance.set("DICOMVRs", vrs);
        instance.put("StoredTransferSyntaxUID", storedTransferSyntaxUid);
        if (checksumType != null) {
            instance.put("ChecksumType", checksumType);
        }
        ArrayNode imageFrames = instance.putArray("ImageFrames");
        for (AhiMetadataFrame frame : frames) {
            imageFrames.add(frameNode(frame));
        }
        series.withObjectProperty("Instances").set(sopUid, instance);
    }

    /**
     * What the checksums of frames stored in {@code storedTransferSyntaxUid} cover. Native frames are stored
     * as explicit VR little endian: their bytes are the decoded pixels, so their CRC32 is AWS's checksum.
     * An encapsulated frame kept as it came is checksummed as a codestream, which is not what AWS's
     * checksum covers, so nothing is claimed (null).
     */
    public static String checksumTypeOf(String storedTransferSyntaxUid) {
        return TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.equals(storedTransferSyntaxUid) ? CHECKSUM_OF_DECODED_PIXELS
                : null;
    }

    static ObjectNode frameNode(AhiMetadataFrame frame) {
        ObjectNode node = NODES.objectNode();
        node.put("ID", frame.id());
        ArrayNode checksums = node.putArray("PixelDataChecksumFromBaseToFullResolution");
        if (frame.checksum() >= 0) {
            checksums.addObject().put("Width", frame.width()).put("Height", frame.height())
                    .put("Checksum", frame.checksum());
        }
        if (frame.minPixelValue() != null) {
            node.put("MinPixelValue", frame.minPixelValue());
            node.put("MaxPixelValue", frame.maxPixelValue());
        }
        node.put("FrameSizeInBytes", frame.sizeInBytes());
        return node;
    }
}
