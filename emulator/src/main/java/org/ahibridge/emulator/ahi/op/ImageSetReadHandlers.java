package org.ahibridge.emulator.ahi.op;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.dicom.codec.LosslessFormat;
import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.AhiRequest;
import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.Pages;
import org.ahibridge.emulator.ahi.Validate;
import org.ahibridge.emulator.ahi.store.Datastore;
import org.ahibridge.emulator.ahi.store.ImageSet;
import org.ahibridge.emulator.ahi.store.ImageSetVersion;
import org.ahibridge.emulator.http.HttpReply;

/**
 * GetImageSet, GetImageSetMetadata, GetImageFrame, ListImageSetVersions (docs/aws-healthimaging.md §3-§5). Metadata is
 * returned gzipped with {@code Content-Encoding: gzip}; frames raw, with the Content-Type of their
 * stored transfer syntax ({@link FrameContentTypes}), 406 for an Accept header that cannot match, and 400
 * BadRequestException for a body that is not a JSON object.
 *
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_GetImageSet.html">GetImageSet</a>
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_GetImageSetMetadata.html">GetImageSetMetadata</a>
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_GetImageFrame.html">GetImageFrame</a>
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_ListImageSetVersions.html">ListImageSetVersions</a>
 */
public final class ImageSetReadHandlers {

    private final AhiContext context;
    private final FrameIndex frames;

    public ImageSetReadHandlers(AhiContext context) {
        this.context = context;
        this.frames = new FrameIndex(context.store());
    }

    /** The image set in the path, or ResourceNotFoundException (also when deleted). */
    static ImageSet require(AhiContext context, AhiRequest request, String idName) {
        String datastoreId = AhiContext.id(request, "datastoreId");
        String imageSetId = AhiContext.id(request, idName);
        context.store().datastore(datastoreId);
        ImageSet imageSet = context.store().imageSet(datastoreId, imageSetId);
        if (imageSet.deleted()) {
            throw AhiError.notFound("Image set " + imageSetId + " does not exist");
        }
        return imageSet;
    }

    static ImageSetVersion version(ImageSet imageSet, String versionParameter) {
        if (versionParameter == null) {
            return imageSet.latest();
        }
        Validate.required("version", versionParameter, Validate.VERSION_ID);
        ImageSetVersion version;
        try {
            version = imageSet.version(Integer.parseInt(versionParameter));
        } catch (NumberFormatException e) {
            version = null;
        }
        if (version == null) {
            throw AhiError.notFound("Version " + versionParameter + " of image set " + imageSet.id() + " does not exist");
        }
        return version;
    }

    public HttpReply getImageSet(AhiRequest request) {
        ImageSet imageSet = require(context, request, "imageSetId");
        ImageSetVersion v = version(imageSet, request.query("version"));
        ObjectNode body = Json.object().put("datastoreId", imageSet.datastoreId()).put("imageSetId", imageSet.id())
                .put("versionId", Integer.toString(v.versionId())).put("imageSetState", v.state())
                .put("imageSetWorkflowStatus", v.workflowStatus());
        Json.putTime(body, "createdAt", v.createdAt());
        Json.putTime(body, "updatedAt", v.updatedAt());
        Json.putTime(body, "deletedAt", v.deletedAt());
        DatastoreHandlers.putIfSet(body, "message", v.message());
        body.put("imageSetArn", context.settings().imageSetArn(imageSet.datastoreId(), imageSet.id()));
        body.putObject("overrides").put("forced", v.forced());
        body.put("isPrimary", v.primary());
        body.put("storageTier", "FREQUENT_ACCESS");
        return Json.ok(body);
    }

    public HttpReply getImageSetMetadata(AhiRequest request) {
        ImageSet imageSet = require(context, request, "imageSetId");
        ImageSetVersion v = version(imageSet, request.query("version"));
        byte[] gzip = context.store().metadataGzip(imageSet.id(), v.versionId());
        return new HttpReply(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), gzip);
    }

    public HttpReply getImageFrame(AhiRequest request) {
        JsonNode body;
        try {
            body = request.json();
        } catch (AhiError malformed) {
            // A body that is not a JSON object is malformed, not a value that breaks a constraint: since
            // 2026-04 the model gives GetImageFrame a BadRequestException for that (docs/aws-healthimaging.md §2.2).
            throw AhiError.badRequest(malformed.getMessage());
        }
        ImageSet imageSet = require(context, request, "imageSetId");
        String frameId = Validate.required("imageFrameId", Validate.text(body, "imageFrameId"), Validate.ID);
        String syntax = frames.storedSyntax(imageSet, frameId);
        if (syntax == null) {
            throw AhiError.notFound("Image frame " + frameId + " does not exist in image set " + imageSet.id());
        }
        // No StoredTransferSyntaxUID means the data store's storage format (docs/aws-healthimaging.md §4.2).
        String contentType = FrameContentTypes.of(syntax.isEmpty() ? storageFormatOf(imageSet) : syntax);
        String accept = request.header("Accept");
        if (accept != null && !FrameContentTypes.accepts(accept, contentType)) {
            throw AhiError.notAcceptable("The frame is stored as " + contentType + ", which the Accept header '"
                    + accept + "' does not allow");
        }
        byte[] bytes = context.store().frame(frameId);
        if (bytes == null) {
            throw AhiError.internal("Frame " + frameId + " is missing from storage");
        }
        return new HttpReply(200, Map.of("Content-Type", contentType), bytes);
    }

    private String storageFormatOf(ImageSet imageSet) {
        Datastore datastore = context.store().datastore(imageSet.datastoreId());
        return LosslessFormat.ofDatastore(datastore == null ? null : datastore.losslessStorageFormat())
                .transferSyntaxUid();
    }

    public HttpReply listVersions(AhiRequest request) {
        ImageSet imageSet = require(context, request, "imageSetId");
        List<ImageSetVersion> versions = new java.util.ArrayList<>(imageSet.versions());
        java.util.Collections.reverse(versions);
        Pages.Page<ImageSetVersion> page = Pages.page(versions, request.query("nextToken"),
                request.query("maxResults"), "versions-" + imageSet.id());
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("imageSetPropertiesList");
        for (ImageSetVersion v : page.items()) {
            // The model names this member with a capital I here, and only here (docs/aws-healthimaging.md §1.5).
            ObjectNode item = list.addObject().put("imageSetId", imageSet.id())
                    .put("versionId", Integer.toString(v.versionId())).put("imageSetState", v.state())
                    .put("ImageSetWorkflowStatus", v.workflowStatus());
            Json.putTime(item, "createdAt", v.createdAt());
            Json.putTime(item, "updatedAt", v.updatedAt());
            Json.putTime(item, "deletedAt", v.deletedAt());
            DatastoreHandlers.putIfSet(item, "message", v.message());
            item.putObject("overrides").put("forced", v.forced());
            item.put("isPrimary", v.primary());
        }
        DatastoreHandlers.putIfSet(body, "nextToken", page.nextToken());
        return Json.ok(body);
    }
}
