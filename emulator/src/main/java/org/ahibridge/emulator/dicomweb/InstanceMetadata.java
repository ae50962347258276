package org.ahibridge.emulator.dicomweb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.json.DicomJson;

/**
 * An instance as DICOM JSON (PS3.18 Annex F), as GetDICOMInstanceMetadata and GetDICOMSeriesMetadata return
 * it (docs/aws-healthimaging.md §10): the File Meta Information with {@code TransferSyntaxUID} set to the
 * stored syntax, then the data set. Binary values over 1 MiB are not inline but a {@code BulkDataURI}
 * ({@code …/instances/{uid}/bulkdata/{hash}}, the hash naming the attribute's path in the data set), which
 * GetDICOMBulkdata serves. Pixel Data is left out: its frames are served by GetDICOMInstanceFrames.
 */
final class InstanceMetadata {

    /** AWS moves "binary attributes over 1 MB" to bulk data; the emulator reads that as 1 MiB. */
    static final int BULK_DATA_THRESHOLD = 1 << 20;

    private InstanceMetadata() {
    }

    /** The instance's DICOM JSON object, large binary values as BulkDataURIs under {@code instanceUrl}. */
    static ObjectNode json(LocatedInstance instance, String instanceUrl) {
        ObjectNode json = inline(instance);
        forEachBinary(json, "", (path, element) -> {
            String base64 = element.get("InlineBinary").asText();
            if (decodedLength(base64) > BULK_DATA_THRESHOLD) {
                element.remove("InlineBinary");
                element.put("BulkDataURI", instanceUrl + "/bulkdata/" + hash(path));
            }
        });
        return json;
    }

    /** The value whose BulkDataURI ends in {@code hash}, or null when the instance has none. */
    static byte[] bulkData(LocatedInstance instance, String hash) {
        byte[][] found = {null};
        forEachBinary(inline(instance), "", (path, element) -> {
            String base64 = element.get("InlineBinary").asText();
            if (found[0] == null && decodedLength(base64) > BULK_DATA_THRESHOLD && hash(path).equals(hash)) {
                found[0] = Base64.getDecoder().decode(base64);
            }
        });
        return found[0];
    }

    /** Every value inline, as the project's DICOM JSON writer gives it. */
    private static ObjectNode inline(LocatedInstance instance) {
        Attributes meta = instance.metadata().fileMeta().copy();
        meta.setString(Tags.TRANSFER_SYNTAX_UID, VR.UI, instance.storedSyntax());
        Attributes dataset = instance.dataset().copy();
        dataset.remove(Tags.PIXEL_DATA);
        try {
            return (ObjectNode) DicomJson.readTree(new ByteArrayInputStream(
                    DicomJson.toJson(meta, dataset).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Visits every element with an InlineBinary, items of sequences included, with its path
     * ({@code 00081140/0/00091001}).
     */
    private static void forEachBinary(JsonNode object, String prefix, BiConsumer<String, ObjectNode> visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode element = field.getValue();
            String path = prefix + field.getKey();
            if (element.has("InlineBinary")) {
                visitor.accept(path, (ObjectNode) element);
            } else if ("SQ".equals(element.path("vr").asText()) && element.path("Value").isArray()) {
                int index = 0;
                for (JsonNode item : element.get("Value")) {
                    forEachBinary(item, path + "/" + index++ + "/", visitor);
                }
            }
        }
    }

    private static long decodedLength(String base64) {
        return (long) base64.length() / 4 * 3;
    }

    private static String hash(String path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
