package org.ahibridge.status;

import static org.ahibridge.status.Html.path;
import static org.ahibridge.status.Html.text;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.ahibridge.status.StatusViews.BatchView;
import org.ahibridge.status.StatusViews.FailurePage;
import org.ahibridge.status.StatusViews.FailureView;
import org.ahibridge.status.StatusViews.Overview;
import org.ahibridge.status.StatusViews.RunPage;
import org.ahibridge.status.StatusViews.RunView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The status page, rendered on the server as one small HTML document with its style inline: no script, no
 * external style sheet, font or image, so it works offline and in any browser, and a Content-Security-Policy that
 * forbids loading anything else. It reloads itself every {@code ahibridge.status.refresh-seconds}. Every value is
 * escaped ({@link Html}).
 */
@Controller
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "ahibridge.status.enabled", havingValue = "true", matchIfMissing = true)
public class StatusPage {

    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final StatusService status;

    public StatusPage(StatusService status) {
        this.status = status;
    }

    @GetMapping(value = "/status", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> overview(@RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String message) {
        Overview overview = status.overview();
        RunPage runs = page == 0 ? overview.runs() : status.runs(page);
        StringBuilder body = new StringBuilder();
        if (message != null && message.matches("[A-Za-z0-9 ._:;,()'-]{1,200}")) {
            body.append("<p class=\"note\">").append(text(message)).append("</p>\n");
        }
        body.append("<h2>Runs</h2>\n");
        runsTable(body, runs.runs());
        pager(body, runs);
        body.append("<h2>Batches in flight</h2>\n<p>");
        overview.batchesByState().forEach((state, count) -> body.append("<span class=\"chip\">").append(text(state))
                .append(" <b>").append(count).append("</b></span> "));
        body.append("<span class=\"muted\">(SUBMITTED: import jobs AHI is running)</span></p>\n");
        batchesTable(body, overview.batchesInFlight());
        body.append("<h2>Latest failures</h2>\n");
        failuresTable(body, overview.latestFailures(), true);
        if (overview.redriveEnabled()) {
            body.append("<h2>Re-drive</h2>\n<form method=\"post\" action=\"/status/redrive\">"
                    + "<p>Imports every FAILED file again, as a run of its own, once its cause is fixed."
                    + " <button type=\"submit\">Re-drive failed files</button></p></form>\n");
        }
        return page("ahi-bridge status", overview.generatedAt(), body, true);
    }

    @GetMapping(value = "/status/runs/{runId}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> run(@PathVariable String runId, @RequestParam(defaultValue = "-1") long after) {
        var run = status.run(runId);
        if (run.isEmpty()) {
            StringBuilder body = new StringBuilder("<p>There is no such run. <a href=\"/status\">All runs</a></p>");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers()).body(document("No such run",
                    Instant.now(), body, false));
        }
        StringBuilder body = new StringBuilder("<p><a href=\"/status\">All runs</a></p>\n");
        runsTable(body, List.of(run.get()));
        FailurePage failures = status.failures(runId, after).orElseThrow();
        body.append("<h2>Failures</h2>\n");
        failuresTable(body, failures.failures(), false);
        if (failures.next() != null) {
            body.append("<p><a href=\"/status/runs/").append(text(path(runId))).append("?after=")
                    .append(failures.next()).append("\">Next failures</a></p>\n");
        }
        return page("Run " + runId, Instant.now(), body, "RUNNING".equals(run.get().state()));
    }

    @PostMapping(value = "/status/redrive", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> redrive(@RequestHeader(value = "Origin", required = false) String origin,
            @RequestHeader(value = "Host", required = false) String host) {
        StatusService.Redrive result = status.redrive(origin, host);
        if (result.kind() == StatusService.Redrive.Kind.DISABLED || result.kind() == StatusService.Redrive.Kind.FOREIGN_ORIGIN) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).headers(headers()).body(document("Re-drive refused",
                    Instant.now(), new StringBuilder("<p>").append(text(result.message()))
                            .append(". <a href=\"/status\">Back</a></p>"), false));
        }
        String message = result.kind() == StatusService.Redrive.Kind.STARTED ? "re-drive started: " + result.message()
                : result.message();
        // Post, redirect, get: a reload of the page does not post again.
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, "/status?message=" + path(message.replace(';', ',')))
                .build();
    }

    private void runsTable(StringBuilder out, List<RunView> runs) {
        if (runs.isEmpty()) {
            out.append("<p class=\"muted\">No run yet.</p>\n");
            return;
        }
        out.append("<table id=\"runs\"><thead><tr><th>Run</th><th>State</th><th>Source</th><th>Datastore</th>"
                + "<th>Started</th><th>Ended</th><th>Done</th><th>Outcomes</th><th>Progress</th><th>Report</th>"
                + "</tr></thead><tbody>\n");
        for (RunView run : runs) {
            out.append("<tr class=\"run\" data-run=\"").append(text(run.runId())).append("\">")
                    .append("<td><a href=\"").append(text(run.links().page().replace(run.runId(), path(run.runId()))))
                    .append("\">").append(text(run.runId())).append("</a></td>")
                    .append("<td><span class=\"state ").append(text(run.state().toLowerCase(java.util.Locale.ROOT)))
                    .append("\">").append(text(run.state())).append("</span></td>")
                    .append("<td>").append(text(run.source())).append("</td>")
                    .append("<td>").append(text(run.datastore())).append("</td>")
                    .append("<td>").append(time(run.startedAt())).append("</td>")
                    .append("<td>").append(time(run.endedAt())).append("</td>")
                    .append("<td class=\"n\">").append(run.files()).append("</td><td>");
            counts(out, run.outcomes(), "outcome");
            out.append("</td><td>");
            if ("RUNNING".equals(run.state())) {
                long seen = run.files() + run.pending();
                out.append("<progress max=\"").append(Math.max(1, seen)).append("\" value=\"").append(run.files())
                        .append("\"></progress> ").append(run.files()).append('/').append(seen).append(" done<br><span class=\"muted\">at work:</span> ");
                counts(out, run.inWork(), "work");
            } else {
                out.append("<span class=\"muted\">ended</span>");
            }
            String id = path(run.runId());
            out.append("</td><td><a href=\"/api/runs/").append(text(id)).append("/report.json\">JSON</a> ")
                    .append("<a href=\"/api/runs/").append(text(id)).append("/report.csv\">CSV</a></td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static void counts(StringBuilder out, Map<String, Integer> counts, String kind) {
        counts.forEach((name, count) -> out.append("<span class=\"chip ").append(kind).append(' ')
                .append(text(name.toLowerCase(java.util.Locale.ROOT))).append("\">").append(text(name)).append(" <b>")
                .append(count).append("</b></span> "));
    }

    private static void pager(StringBuilder out, RunPage runs) {
        if (runs.page() == 0 && !runs.hasMore()) {
            return;
        }
        out.append("<p>");
        if (runs.page() > 0) {
            out.append("<a href=\"/status?page=").append(runs.page() - 1).append("\">Newer runs</a> ");
        }
        if (runs.hasMore()) {
            out.append("<a href=\"/status?page=").append(runs.page() + 1).append("\">Older runs</a>");
        }
        out.append("</p>\n");
    }

    private static void batchesTable(StringBuilder out, List<BatchView> batches) {
        if (batches.isEmpty()) {
            out.append("<p class=\"muted\">No batch in flight.</p>\n");
            return;
        }
        out.append("<table id=\"batches\"><thead><tr><th>Batch</th><th>Datastore</th><th>State</th><th>Files</th>"
                + "<th>Bytes</th><th>Job</th><th>Attempts</th><th>Opened</th><th>Submitted</th></tr></thead><tbody>\n");
        for (BatchView b : batches) {
            out.append("<tr><td>").append(text(b.batchId())).append("</td><td>").append(text(b.datastore()))
                    .append("</td><td>").append(text(b.state())).append("</td><td class=\"n\">").append(b.files())
                    .append("</td><td class=\"n\">").append(b.bytes()).append("</td><td>").append(text(b.jobId()))
                    .append("</td><td class=\"n\">").append(b.attempts()).append("</td><td>").append(time(b.openedAt()))
                    .append("</td><td>").append(time(b.submittedAt())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static void failuresTable(StringBuilder out, List<FailureView> failures, boolean withRun) {
        if (failures.isEmpty()) {
            out.append("<p class=\"muted\">No failure.</p>\n");
            return;
        }
        out.append("<table id=\"failures\"><thead><tr>").append(withRun ? "<th>Run</th>" : "")
                .append("<th>Storage</th><th>Key</th><th>Reason</th><th>When</th></tr></thead><tbody>\n");
        for (FailureView f : failures) {
            out.append("<tr class=\"failure\">");
            if (withRun) {
                out.append("<td><a href=\"/status/runs/").append(text(path(f.runId()))).append("\">")
                        .append(text(f.runId())).append("</a></td>");
            }
            out.append("<td>").append(text(f.storage())).append("</td><td class=\"key\">").append(text(f.key()))
                    .append("</td><td class=\"reason\">").append(text(f.reason())).append("</td><td>")
                    .append(time(f.recordedAt())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static String time(Instant instant) {
        return instant == null ? "" : text(instant.truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private ResponseEntity<String> page(String title, Instant generated, StringBuilder body, boolean refresh) {
        return ResponseEntity.ok().headers(headers()).body(document(title, generated, body, refresh));
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8));
        headers.set("Content-Security-Policy", POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.setCacheControl("no-store");
        return headers;
    }

    private String document(String title, Instant generated, StringBuilder body, boolean refresh) {
        int seconds = status.properties().refreshSeconds();
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + (refresh && seconds > 0 ? "<meta http-equiv=\"refresh\" content=\"" + seconds + "\">" : "")
                + "<title>" + text(title) + "</title><style>" + STYLE + "</style></head>\n<body><header><h1>"
                + text(title) + "</h1><p class=\"muted\">ahi-bridge, as of " + time(generated)
                + (refresh && seconds > 0 ? "; reloads every " + seconds + " s" : "")
                + ". JSON: <a href=\"/api/status\">/api/status</a></p></header>\n<main>" + body + "</main></body></html>\n";
    }

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
            header{background:#1f3a5f;color:#fff;padding:10px 20px}header h1{margin:0;font-size:20px}
            header .muted,header a{color:#d6e2f0}main{padding:10px 20px}h2{font-size:16px;margin:22px 0 8px}
            table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.08)}
            th,td{padding:5px 8px;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}
            th{background:#eef1f5;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
            td.key,td.reason{word-break:break-all;max-width:420px}.muted{color:#69717c}
            .chip{display:inline-block;padding:1px 6px;margin:1px;border-radius:9px;background:#e8ecf1;font-size:12px}
            .chip.failed{background:#fde2e1;color:#8a1c17}.chip.imported{background:#dcf3e2;color:#1d5e30}
            .state{font-weight:600}.state.running{color:#a05a00}.state.completed{color:#1d5e30}.state.aborted{color:#8a1c17}
            progress{width:120px}.note{background:#fff6d6;padding:6px 10px;border:1px solid #f0dc8c}
            """;
}
