package org.ahibridge.emulator.ahi.op;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.AhiRequest;
import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.Validate;
import org.ahibridge.emulator.ahi.store.ImageSet;
import org.ahibridge.emulator.ahi.store.ImageSets;
import org.ahibridge.emulator.http.HttpReply;

/**
 * UpdateImageSetMetadata (AHI.md §1.3, §4.3): the body is the MetadataUpdates union, either
 * {@code DICOMUpdates} with base64 {@code updatableAttributes} / {@code removableAttributes} JSON, or
 * {@code revertToVersionId}. {@code latestVersion} must name the latest version; otherwise the call
 * fails like AWS does (ResourceNotFoundException "Requested version(s) of ImageSet(s) is not the
 * latest.", as production clients expect). The update applies at once; the reply reports
 * LOCKED/UPDATING as AWS's asynchronous update does, and the events follow.
 *
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_UpdateImageSetMetadata.html">UpdateImageSetMetadata</a>
 */
public final class UpdateImageSetMetadataHandler {

    static final String NOT_LATEST = "Requested version(s) of ImageSet(s) is not the latest.";
    private final AhiContext context;

    public UpdateImageSetMetadataHandler(AhiContext context) {
        this.context = context;
    }

    public HttpReply handle(AhiRequest request) {
        String latest = Validate.required("latestVersion", request.query("latestVersion"), Validate.VERSION_ID);
        boolean force = request.flag("force");
        JsonNode body = request.json();
        ImageSet updated;
        synchronized (context.store()) {
            ImageSet imageSet = ImageSetReadHandlers.require(context, request, "imageSetId");
            if (!latest.equals(Integer.toString(imageSet.latest().versionId()))) {
                throw AhiError.notFound(NOT_LATEST);
            }
            ObjectNode document;
            if (body.has("revertToVersionId") && body.has("DICOMUpdates")) {
                throw AhiError.validation("Set exactly one of DICOMUpdates and revertToVersionId");
            } else if (body.has("revertToVersionId")) {
                String revert = Validate.required("revertToVersionId", Validate.text(body, "revertToVersionId"),
                        Validate.VERSION_ID);
                document = context.store().metadata(imageSet.id(),
                        ImageSetReadHandlers.version(imageSet, revert).versionId());
            } else if (body.path("DICOMUpdates").isObject()) {
                document = context.store().metadata(imageSet.id(), imageSet.latest().versionId());
                JsonNode updates = body.get("DICOMUpdates");
                JsonNode removable = decode(updates, "removableAttributes");
                JsonNode updatable = decode(updates, "updatableAttributes");
                if (removable == null && updatable == null) {
                    throw AhiError.validation("DICOMUpdates needs updatableAttributes or removableAttributes");
                }
                if (removable != null) {
                    MetadataUpdates.remove(document, removable, force);
                }
                if (updatable != null) {
                    MetadataUpdates.update(document, updatable, force);
                }
            } else {
                throw AhiError.validation("The body must set DICOMUpdates or revertToVersionId");
            }
            context.events().imageSet("Image Set Updating", imageSet.datastoreId(), imageSet.id(),
                    imageSet.latest().versionId(), imageSet.primary(), ImageSet.LOCKED, "UPDATING", null);
            updated = ImageSets.addVersion(context.store(), imageSet, document, "UPDATED", imageSet.primary(), force,
                    context.now());
        }
        context.events().imageSet("Image Set Updated", updated.datastoreId(), updated.id(),
                updated.latest().versionId(), updated.primary(), ImageSet.ACTIVE, "UPDATED", null);
        ObjectNode reply = Json.object().put("datastoreId", updated.datastoreId()).put("imageSetId", updated.id())
                .put("latestVersionId", Integer.toString(updated.latest().versionId()))
                .put("imageSetState", ImageSet.LOCKED).put("imageSetWorkflowStatus", "UPDATING");
        Json.putTime(reply, "createdAt", updated.createdAt());
        Json.putTime(reply, "updatedAt", updated.latest().updatedAt());
        return Json.ok(reply);
    }

    private JsonNode decode(JsonNode updates, String member) {
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
        if (bytes.length < 1 || bytes.length > context.settings().maxUpdatePayloadBytes()) {
            throw AhiError.validation(member + " must be 1 to " + context.settings().maxUpdatePayloadBytes()
                    + " bytes");
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw AhiError.validation(member + " is not a JSON document");
        }
    }
}
