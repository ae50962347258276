package org.ahibridge.emulator.ahi.op;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.AhiRequest;
import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.store.Datastore;
import org.ahibridge.emulator.ahi.store.ImageSet;
import org.ahibridge.emulator.http.HttpReply;

/**
 * TagResource, ListTagsForResource, UntagResource on data store and image set ARNs (URL-encoded in
 * the path; docs/aws-healthimaging.md §1.3).
 *
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_TagResource.html">TagResource</a>
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_ListTagsForResource.html">ListTagsForResource</a>
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_UntagResource.html">UntagResource</a>
 */
public final class TagHandlers {

    private static final Pattern ARN = Pattern.compile(
            "arn:aws((-cn)|(-iso)|(-iso-b)|(-us-gov))?:medical-imaging:[a-z0-9-]+:[0-9]{12}:datastore/([0-9a-z]{32})(/imageset/([0-9a-z]{32}))?");
    private final AhiContext context;

    public TagHandlers(AhiContext context) {
        this.context = context;
    }

    public HttpReply tag(AhiRequest request) {
        JsonNode body = request.json();
        if (!body.path("tags").isObject()) {
            throw AhiError.validation("Missing required member tags");
        }
        update(request.path("resourceArn"), tags -> tags.putAll(tags(body)));
        return Json.ok(Json.object());
    }

    public HttpReply untag(AhiRequest request) {
        if (request.queryAll("tagKeys").isEmpty()) {
            throw AhiError.validation("Missing required parameter tagKeys");
        }
        update(request.path("resourceArn"), tags -> request.queryAll("tagKeys").forEach(tags::remove));
        return Json.ok(Json.object());
    }

    public HttpReply list(AhiRequest request) {
        Map<String, String> tags = new HashMap<>();
        update(request.path("resourceArn"), tags::putAll);
        ObjectNode body = Json.object();
        ObjectNode map = body.putObject("tags");
        tags.forEach(map::put);
        return Json.ok(body);
    }

    /** Applies a change to the resource's tags (a read when the change does not modify them). */
    private void update(String arn, java.util.function.Consumer<Map<String, String>> change) {
        Matcher m = ARN.matcher(arn == null ? "" : arn);
        if (!m.matches()) {
            throw AhiError.validation("Invalid resource ARN: " + arn);
        }
        synchronized (context.store()) {
            Datastore datastore = context.store().datastore(m.group(6));
            if (m.group(8) == null) {
                Map<String, String> tags = new HashMap<>(datastore.tags() == null ? Map.of() : datastore.tags());
                change.accept(tags);
                context.store().put(datastore.withTags(tags));
            } else {
                ImageSet imageSet = context.store().imageSet(datastore.id(), m.group(8));
                if (imageSet.deleted()) {
                    throw AhiError.notFound("Image set " + imageSet.id() + " does not exist");
                }
                Map<String, String> tags = new HashMap<>(imageSet.tags() == null ? Map.of() : imageSet.tags());
                change.accept(tags);
                context.store().put(imageSet.withTags(tags));
            }
        }
    }

    static Map<String, String> tags(JsonNode body) {
        Map<String, String> tags = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.path("tags").properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            tags.put(e.getKey(), e.getValue().asText());
        }
        return tags;
    }
}
