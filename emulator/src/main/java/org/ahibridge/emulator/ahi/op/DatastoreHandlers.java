package org.ahibridge.emulator.ahi.op;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.AhiRequest;
import org.ahibridge.emulator.ahi.Ids;
import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.Pages;
import org.ahibridge.emulator.ahi.Validate;
import org.ahibridge.emulator.ahi.store.Datastore;
import org.ahibridge.emulator.http.HttpReply;

/**
 * CreateDatastore, GetDatastore, ListDatastores, DeleteDatastore (AWS HealthImaging API reference).
 * A new data store is CREATING, and ACTIVE a moment later ({@link DatastoreCreation}); deleting one needs
 * all its image sets deleted.
 *
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_CreateDatastore.html">CreateDatastore</a>
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_GetDatastore.html">GetDatastore</a>
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_ListDatastores.html">ListDatastores</a>
 * @see <a href="https://docs.aws.amazon.com/healthimaging/latest/APIReference/API_DeleteDatastore.html">DeleteDatastore</a>
 */
public final class DatastoreHandlers {

    private static final Set<String> STATUSES = Set.of("CREATING", "CREATE_FAILED", "ACTIVE", "DELETING", "DELETED");
    private final AhiContext context;
    private final DatastoreCreation creation;

    public DatastoreHandlers(AhiContext context, DatastoreCreation creation) {
        this.context = context;
        this.creation = creation;
    }

    public HttpReply create(AhiRequest request) {
        JsonNode body = request.json();
        String name = Validate.optional("datastoreName", Validate.text(body, "datastoreName"), Validate.DATASTORE_NAME);
        String token = Validate.optional("clientToken", Validate.text(body, "clientToken"), Validate.CLIENT_TOKEN);
        String kms = Validate.optional("kmsKeyArn", Validate.text(body, "kmsKeyArn"), Validate.KMS_ARN);
        String format = Validate.text(body, "losslessStorageFormat");
        if (format != null && !format.equals("HTJ2K") && !format.equals("JPEG_2000_LOSSLESS")) {
            throw AhiError.validation("losslessStorageFormat must be HTJ2K or JPEG_2000_LOSSLESS");
        }
        synchronized (context.store()) {
            if (token != null) {
                for (Datastore existing : context.store().datastores()) {
                    if (token.equals(existing.clientToken())) {
                        return reply(existing);
                    }
                }
            }
            long now = context.now();
            Datastore datastore = new Datastore(Ids.newId(), name == null ? "datastore" : name, Datastore.CREATING,
                    kms, Validate.text(body, "lambdaAuthorizerArn"), format, now, now, token, TagHandlers.tags(body));
            context.store().put(datastore);
            context.events().datastore("Data Store Creating", datastore.id(), datastore.name(), Datastore.CREATING);
            creation.finishLater(datastore.id());
            return reply(datastore);
        }
    }

    private static HttpReply reply(Datastore datastore) {
        return Json.ok(Json.object().put("datastoreId", datastore.id()).put("datastoreStatus", datastore.status()));
    }

    public HttpReply get(AhiRequest request) {
        Datastore d = context.store().datastore(AhiContext.id(request, "datastoreId"));
        ObjectNode properties = Json.object().put("datastoreId", d.id()).put("datastoreName", d.name())
                .put("datastoreStatus", d.status()).put("datastoreArn", context.settings().datastoreArn(d.id()));
        putIfSet(properties, "kmsKeyArn", d.kmsKeyArn());
        putIfSet(properties, "lambdaAuthorizerArn", d.lambdaAuthorizerArn());
        putIfSet(properties, "losslessStorageFormat", d.losslessStorageFormat());
        Json.putTime(properties, "createdAt", d.createdAt());
        Json.putTime(properties, "updatedAt", d.updatedAt());
        ObjectNode body = Json.object();
        body.set("datastoreProperties", properties);
        return Json.ok(body);
    }

    public HttpReply list(AhiRequest request) {
        String status = request.query("datastoreStatus");
        if (status != null && !STATUSES.contains(status)) {
            throw AhiError.validation("Invalid datastoreStatus: " + status);
        }
        List<Datastore> all = context.store().datastores().stream()
                .filter(d -> status == null ? !d.status().equals("DELETED") : d.status().equals(status))
                .sorted(Comparator.comparingLong(Datastore::createdAt)).toList();
        Pages.Page<Datastore> page = Pages.page(all, request.query("nextToken"), request.query("maxResults"),
                "datastores");
        ObjectNode body = Json.object();
        ArrayNode summaries = body.putArray("datastoreSummaries");
        for (Datastore d : page.items()) {
            ObjectNode summary = summaries.addObject().put("datastoreId", d.id()).put("datastoreName", d.name())
                    .put("datastoreStatus", d.status()).put("datastoreArn", context.settings().datastoreArn(d.id()));
            Json.putTime(summary, "createdAt", d.createdAt());
            Json.putTime(summary, "updatedAt", d.updatedAt());
        }
        putIfSet(body, "nextToken", page.nextToken());
        return Json.ok(body);
    }

    public HttpReply delete(AhiRequest request) {
        synchronized (context.store()) {
            Datastore d = context.store().datastore(AhiContext.id(request, "datastoreId"));
            if (d.status().equals(Datastore.CREATING)) {
                throw AhiError.conflict("Datastore " + d.id() + " is still being created");
            }
            if (!context.store().imageSets(d.id()).isEmpty()) {
                throw AhiError.conflict("Datastore " + d.id() + " still has image sets; delete them first");
            }
            if (context.store().jobs(d.id()).stream().anyMatch(j -> j.running())) {
                throw AhiError.conflict("Datastore " + d.id() + " has import jobs in progress");
            }
            context.store().put(d.withStatus("DELETED", context.now()));
            context.events().datastore("Data Store Deleting", d.id(), d.name(), "DELETING");
            context.events().datastore("Data Store Deleted", d.id(), d.name(), "DELETED");
            // The call answers DELETING; the data store is gone right after.
            return Json.ok(Json.object().put("datastoreId", d.id()).put("datastoreStatus", "DELETING"));
        }
    }

    static void putIfSet(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
