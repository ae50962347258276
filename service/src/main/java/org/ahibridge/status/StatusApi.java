package org.ahibridge.status;

import java.util.Map;

import org.ahibridge.status.StatusViews.FailurePage;
import org.ahibridge.status.StatusViews.Overview;
import org.ahibridge.status.StatusViews.RunPage;
import org.ahibridge.status.StatusViews.RunView;
import org.springframework.core.io.InputStreamResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status page's JSON API (docs/status-page.md): the overview, pages of runs, one run, a run's failures, its
 * report as JSON or CSV, and the re-drive action when {@code ahibridge.status.redrive-enabled} allows it.
 */
@RestController
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "ahibridge.status.enabled", havingValue = "true", matchIfMissing = true)
public class StatusApi {

    private final StatusService status;

    public StatusApi(StatusService status) {
        this.status = status;
    }

    @GetMapping(value = "/api/status", produces = MediaType.APPLICATION_JSON_VALUE)
    public Overview overview() {
        return status.overview();
    }

    @GetMapping(value = "/api/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    public RunPage runs(@RequestParam(defaultValue = "0") int page) {
        return status.runs(page);
    }

    @GetMapping(value = "/api/runs/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RunView> run(@PathVariable String runId) {
        return ResponseEntity.of(status.run(runId));
    }

    @GetMapping(value = "/api/runs/{runId}/failures", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<FailurePage> failures(@PathVariable String runId,
            @RequestParam(defaultValue = "-1") long after) {
        return ResponseEntity.of(status.failures(runId, after));
    }

    @GetMapping("/api/runs/{runId}/report.json")
    public ResponseEntity<InputStreamResource> reportJson(@PathVariable String runId) throws java.io.IOException {
        return report(runId, RunReports.Format.JSON);
    }

    @GetMapping("/api/runs/{runId}/report.csv")
    public ResponseEntity<InputStreamResource> reportCsv(@PathVariable String runId) throws java.io.IOException {
        return report(runId, RunReports.Format.CSV);
    }

    private ResponseEntity<InputStreamResource> report(String runId, RunReports.Format format)
            throws java.io.IOException {
        var report = status.report(runId, format);
        if (report.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + runId + "."
                        + format.name().toLowerCase(java.util.Locale.ROOT) + "\"")
                .body(new InputStreamResource(report.get().open()));
    }

    @PostMapping(value = "/api/redrive", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> redrive(@RequestHeader(value = "Origin", required = false) String origin,
            @RequestHeader(value = "Host", required = false) String host) {
        StatusService.Redrive result = status.redrive(origin, host);
        HttpStatus code = switch (result.kind()) {
            case STARTED -> HttpStatus.ACCEPTED;
            case DISABLED, FOREIGN_ORIGIN -> HttpStatus.FORBIDDEN;
            case BUSY -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(code).body(Map.of("started", result.kind() == StatusService.Redrive.Kind.STARTED,
                "message", result.message()));
    }
}
