package org.ahibridge.emulator.ahi.op;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.AhiSettings;
import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.Validate;

/**
 * The body of UpdateImageSetMetadata, checked before any image set is looked at: the MetadataUpdates union
 * ({@code DICOMUpdates} or {@code revertToVersionId}, exactly one), each {@code DICOMAttribute} blob 1 to
 * 30,000 bytes (a model constraint, ValidationException), then the "UpdateImageSetMetadata payload" quota
 * on the two decoded documents together (docs/aws-healthimaging.md §8.1, 10 KB by default and adjustable:
 * ServiceQuotaExceededException).
 *
 * @param updatable the decoded {@code updatableAttributes} document, or null
 * @param removable the decoded {@code removableAttributes} document, or null
 * @param revertTo  {@code revertToVersionId}, or null
 */
record MetadataUpdateRequest(JsonNode updatable, JsonNode removable, String revertTo) {

    /** The model's DICOMAttribute length constraint (botocore medical-imaging model of 2026-05). */
    static final int MAX_ATTRIBUTE_BYTES = 30_000;

    static MetadataUpdateRequest parse(JsonNode body, AhiSettings settings) {
        if (body.has("revertToVersionId") && body.has("DICOMUpdates")) {
            throw AhiError.validation("Set exactly one of DICOMUpdates and revertToVersionId");
        }
        if (body.has("revertToVersionId")) {
            return new MetadataUpdateRequest(null, null, Validate.required("revertToVersionId",
                    Validate.text(body, "revertToVersionId"), Validate.VERSION_ID));
        }
        if (!body.path("DICOMUpdates").isObject()) {
            throw AhiError.validation("The body must set DICOMUpdates or revertToVersionId");
        }
        JsonNode updates = body.get("DICOMUpdates");
        byte[] removable = decode(updates, "removableAttributes");
        byte[] updatable = decode(updates, "updatableAttributes");
        if (removable == null && updatable == null) {
            throw AhiError.validation("DICOMUpdates needs updatableAttributes or removableAttributes");
        }
        long payload = (removable == null ? 0 : removable.length) + (updatable == null ? 0 : updatable.length);
        if (payload > settings.maxUpdatePayloadBytes()) {
            throw AhiError.quotaExceeded("The metadata updates are " + payload + " bytes, more than the "
                    + settings.maxUpdatePayloadBytes() + " bytes of the UpdateImageSetMetadata payload quota");
        }
        return new MetadataUpdateRequest(json(updatable, "updatableAttributes"),
                json(removable, "removableAttributes"), null);
    }

    private static byte[] decode(JsonNode updates, String member) {
        String base64 = Validate.text(updates, member);
        if (base64 == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw AhiError.validation(member + " is not valid base64");
        }
        if (bytes.length < 1 || bytes.length > MAX_ATTRIBUTE_BYTES) {
            throw AhiError.validation("1 validation error detected: Value at 'updateImageSetMetadataUpdates."
                    + "DICOMUpdates." + member + "' failed to satisfy constraint: Member must have length between 1 and "
                    + MAX_ATTRIBUTE_BYTES + " (it has " + bytes.length + " bytes)");
        }
        return bytes;
    }

    private static JsonNode json(byte[] bytes, String member) {
        if (bytes == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw AhiError.validation(member + " is not a JSON document");
        }
    }
}
