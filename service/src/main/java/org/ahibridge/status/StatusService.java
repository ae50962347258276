package org.ahibridge.status;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import org.ahibridge.status.StatusViews.FailurePage;
import org.ahibridge.status.StatusViews.Overview;
import org.ahibridge.status.StatusViews.RunPage;
import org.ahibridge.status.StatusViews.RunView;

/**
 * What the page and the API share: the bounded queries, the reports, and the guard of the re-drive action (off
 * unless configured; refused for a request from another origin, so a web page elsewhere cannot make a browser on
 * the operator's machine post it).
 */
public final class StatusService {

    /** The last page of runs anyone may ask for: the offset stays a small number. */
    static final int MAX_PAGE = 100_000;

    private final StatusQueries queries;
    private final RunReports reports;
    private final StatusProperties properties;
    private final StatusRedrive redrive;
    private final Clock clock;

    /** @param redrive the action, or null when {@code redrive-enabled} is false */
    public StatusService(StatusQueries queries, RunReports reports, StatusProperties properties, StatusRedrive redrive,
            Clock clock) {
        this.queries = queries;
        this.reports = reports;
        this.properties = properties;
        this.redrive = redrive;
        this.clock = clock;
    }

    public Overview overview() {
        return new Overview(clock.instant(), runs(0), queries.batchCounts(), queries.batchesInFlight(),
                queries.latestFailures(properties.failuresShown()), redrive != null);
    }

    public RunPage runs(int page) {
        return queries.runs(Math.max(0, Math.min(page, MAX_PAGE)), properties.runsPerPage());
    }

    public Optional<RunView> run(String runId) {
        return runId.matches(RunReports.RUN_ID) ? queries.run(runId) : Optional.empty();
    }

    public Optional<FailurePage> failures(String runId, long after) {
        return run(runId).map(run -> queries.failures(runId, after, properties.failuresShown()));
    }

    public Optional<RunReports.Report> report(String runId, RunReports.Format format) {
        return reports.find(runId, format);
    }

    public StatusProperties properties() {
        return properties;
    }

    /** What a re-drive request got. */
    public record Redrive(Kind kind, String message) {
        public enum Kind { STARTED, DISABLED, FOREIGN_ORIGIN, BUSY }
    }

    /**
     * Starts a re-drive when enabled and asked from this page's own origin ({@code Origin} absent, as from curl,
     * or naming the host the request was sent to).
     */
    public Redrive redrive(String origin, String host) {
        if (redrive == null) {
            return new Redrive(Redrive.Kind.DISABLED,
                    "the re-drive action is off (ahibridge.status.redrive-enabled: true turns it on)");
        }
        if (origin != null && !sameHost(origin, host)) {
            return new Redrive(Redrive.Kind.FOREIGN_ORIGIN, "a re-drive is only taken from the status page itself");
        }
        StatusRedrive.Started started = redrive.start();
        return started.started() ? new Redrive(Redrive.Kind.STARTED, started.message())
                : new Redrive(Redrive.Kind.BUSY, started.message());
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getAuthority();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
