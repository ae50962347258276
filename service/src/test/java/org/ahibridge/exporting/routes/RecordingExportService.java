package org.ahibridge.exporting.routes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ahibridge.exporting.ExportProperties;
import org.ahibridge.exporting.ExportSelection;
import org.ahibridge.exporting.ExportService;

/** The real {@link ExportService} with its run step replaced by a record of what it was asked to export. */
public class RecordingExportService extends ExportService {

    /** One requested run. */
    public record Call(String datastore, String destination, ExportSelection selection, String overwrite,
            boolean incremental) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();

    public RecordingExportService(ExportProperties properties) {
        super(properties, null);
    }

    @Override
    protected Map<String, Object> execute(String datastore, String destination, ExportSelection selection,
            String overwrite, String template, boolean incremental) {
        calls.add(new Call(datastore, destination, selection, overwrite, incremental));
        return Map.of("runId", "export-test-" + calls.size(), "outcomes", Map.of("EXPORTED", 1));
    }
}
