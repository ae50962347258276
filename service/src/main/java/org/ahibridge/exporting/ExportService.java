package org.ahibridge.exporting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The export routes' bean ({@code exportService} in YAML): on-demand runs from a request map,
 * the scheduled incremental run, and the mirror of "Image Set Created/Updated" events (docs/aws-healthimaging.md §7.2).
 * Each call is one {@link ExportJob} run with the service's {@code application.yaml}; it returns the
 * run summary as a map (the same fields as the command's summary line). Camel-free: the routes bind
 * bodies to these methods.
 */
public class ExportService {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> MIRRORED = List.of("Image Set Created", "Image Set Updated");

    private final ExportProperties properties;
    private final Path configFile;

    public ExportService(ExportProperties properties, Path configFile) {
        this.properties = properties;
        this.configFile = configFile;
    }

    /**
     * One export from a request: {@code destination} (required), {@code datastore}, {@code patientId},
     * {@code accessionNumber}, {@code studyId}, {@code studyInstanceUid}, {@code seriesInstanceUid},
     * {@code imageSetIds} (list), {@code primaryOnly}, {@code overwrite}, {@code template},
     * {@code incremental}; or the same as a JSON object in a String.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> run(Object body) throws IOException {
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
        return execute(String.valueOf(request.getOrDefault("datastore", properties.datastore())),
                destination.toString(), selection, String.valueOf(request.getOrDefault("overwrite", properties.overwrite())),
                String.valueOf(request.getOrDefault("template", properties.template())),
                Boolean.parseBoolean(String.valueOf(request.get("incremental"))));
    }

    /** The scheduled run: everything updated since the last scheduled run, to the schedule's destination. */
    public Map<String, Object> scheduled() throws IOException {
        requireDestination(properties.schedule().destination(), "ahibridge.export.schedule.destination");
        return execute(properties.datastore(), properties.schedule().destination(), ExportSelection.all(),
                properties.overwrite(), properties.template(), true);
    }

    /** Mirrors the image set of an "Image Set Created/Updated" event; other events are ignored. */
    public Map<String, Object> mirror(String event) throws IOException {
        JsonNode json = MAPPER.readTree(event);
        String type = json.path("detail-type").asText();
        String imageSetId = json.path("detail").path("imageSetId").asText("");
        if (!MIRRORED.contains(type) || !imageSetId.matches("[0-9a-z]{32}")) {
            Map<String, Object> ignored = new LinkedHashMap<>();
            ignored.put("ignored", "not an Image Set Created/Updated event with an imageSetId: " + type);
            return ignored;
        }
        requireDestination(properties.mirror().destination(), "ahibridge.export.mirror.destination");
        ExportSelection selection = new ExportSelection(null, null, null, null, null, null, null, null, null, null,
                null, false, List.of(imageSetId));
        return execute(properties.datastore(), properties.mirror().destination(), selection, properties.overwrite(),
                properties.template(), false);
    }

    /** Runs one export; overridable so route tests can observe the calls without AWS. */
    protected Map<String, Object> execute(String datastore, String destination, ExportSelection selection,
            String overwrite, String template, boolean incremental) throws IOException {
        ExportRequest request = new ExportRequest(datastore, destination, selection, PathTemplate.parse(template),
                OverwritePolicy.parse(overwrite), incremental, ExportSettings.DEFAULT, configFile);
        ExportReport report = ExportJob.run(request);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = MAPPER.readValue(ExportReportWriter.summary(report, datastore, destination),
                Map.class);
        return summary;
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
