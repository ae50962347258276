package org.ahibridge.exporting;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns what starts an export route into an {@link ExportRequest} for direct:export-run ({@code exportService}
 * in YAML): an on-demand request map, the scheduled incremental run, and the mirror of "Image Set
 * Created/Updated" events (docs/aws-healthimaging.md §7.2). Unset fields take {@code ahibridge.export.*}.
 * Camel-free: the routes bind bodies to these methods.
 */
public class ExportService {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> MIRRORED = List.of("Image Set Created", "Image Set Updated");

    private final ExportProperties properties;

    public ExportService(ExportProperties properties) {
        this.properties = properties;
    }

    /**
     * A request from a map: {@code destination} (required), {@code datastore}, {@code patientId},
     * {@code accessionNumber}, {@code studyId}, {@code studyInstanceUid}, {@code seriesInstanceUid},
     * {@code imageSetIds} (list), {@code primaryOnly}, {@code overwrite}, {@code template},
     * {@code transferSyntax}, {@code incremental}; or the same as a JSON object in a String.
     */
    @SuppressWarnings("unchecked")
    public ExportRequest request(Object body) throws IOException {
        Map<String, Object> request = body instanceof Map<?, ?> map ? (Map<String, Object>) map
                : MAPPER.readValue(String.valueOf(body), Map.class);
        Object destination = request.get("destination");
        if (destination == null) {
            throw new IllegalArgumentException("an export request needs a destination");
        }
        List<String> ids = new ArrayList<>();
        if (request.get("imageSetIds") instanceof List<?> list) {
            list.forEach(id -> ids.add(String.valueOf(id)));
        }
        ExportSelection selection = new ExportSelection(text(request, "patientId"), text(request, "accessionNumber"),
                text(request, "studyId"), text(request, "studyInstanceUid"), text(request, "seriesInstanceUid"), null,
                null, null, null, null, null, Boolean.parseBoolean(String.valueOf(request.get("primaryOnly"))), ids);
        return new ExportRequest(String.valueOf(request.getOrDefault("datastore", properties.datastore())),
                destination.toString(), selection,
                PathTemplate.parse(String.valueOf(request.getOrDefault("template", properties.template()))),
                OverwritePolicy.parse(String.valueOf(request.getOrDefault("overwrite", properties.overwrite()))),
                Boolean.parseBoolean(String.valueOf(request.get("incremental"))),
                OutputSyntax.parse(String.valueOf(request.getOrDefault("transferSyntax",
                        properties.transferSyntax()))));
    }

    /** The scheduled run: everything updated since the last scheduled run, to the schedule's destination. */
    public ExportRequest scheduled() {
        requireDestination(properties.schedule().destination(), "ahibridge.export.schedule.destination");
        return defaults(properties.schedule().destination(), ExportSelection.all(), true);
    }

    /** The image set of an "Image Set Created/Updated" event; null for other events, which are ignored. */
    public ExportRequest mirror(String event) throws IOException {
        JsonNode json = MAPPER.readTree(event);
        String type = json.path("detail-type").asText();
        String imageSetId = json.path("detail").path("imageSetId").asText("");
        if (!MIRRORED.contains(type) || !imageSetId.matches("[0-9a-z]{32}")) {
            return null;
        }
        requireDestination(properties.mirror().destination(), "ahibridge.export.mirror.destination");
        return defaults(properties.mirror().destination(), new ExportSelection(null, null, null, null, null, null,
                null, null, null, null, null, false, List.of(imageSetId)), false);
    }

    private ExportRequest defaults(String destination, ExportSelection selection, boolean incremental) {
        return new ExportRequest(properties.datastore(), destination, selection,
                PathTemplate.parse(properties.template()), OverwritePolicy.parse(properties.overwrite()), incremental,
                OutputSyntax.parse(properties.transferSyntax()));
    }

    private static void requireDestination(String destination, String key) {
        if (destination == null || destination.isBlank()) {
            throw new IllegalStateException(key + " is not set");
        }
    }

    private static String text(Map<String, Object> request, String key) {
        Object value = request.get(key);
        return value == null ? null : value.toString();
    }
}
