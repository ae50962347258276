package org.ahibridge.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the status API answers and the page shows: plain records, serialised as JSON by Spring's Jackson. Ids,
 * storage names, object keys, states, counts and reasons; never a credential or a setting's value.
 */
public final class StatusViews {

    private StatusViews() {
    }

    /**
     * A run with its counts: {@code outcomes} per outcome; for a RUNNING run, {@code inWork} its objects without an
     * outcome by work state (empty for ended runs, which have none).
     */
    public record RunView(String runId, String source, String datastore, String state, Instant startedAt,
            Instant endedAt, long files, Map<String, Integer> outcomes, long pending, Map<String, Integer> inWork,
            Links links) {
    }

    /** Where a run's report and failures are. */
    public record Links(String self, String page, String reportJson, String reportCsv, String failures) {

        static Links of(String runId) {
            String api = "/api/runs/" + runId;
            return new Links(api, "/status/runs/" + runId, api + "/report.json", api + "/report.csv",
                    api + "/failures");
        }
    }

    /** An unfinished batch: its import job once SUBMITTED. */
    public record BatchView(String batchId, String datastore, String state, int files, long bytes, String jobId,
            int attempts, Instant openedAt, Instant submittedAt) {
    }

    /** A FAILED outcome with its reason and where the file is. */
    public record FailureView(String runId, long objectId, String storage, String key, String reason,
            Instant recordedAt) {
    }

    /** One page of runs, newest first. */
    public record RunPage(int page, int perPage, boolean hasMore, List<RunView> runs) {
    }

    /** One page of a run's failures in discovery order; {@code next} continues after the last one. */
    public record FailurePage(String runId, List<FailureView> failures, Long next) {
    }

    /** The overview: the newest runs, the batches in flight with the counts by state, the latest failures. */
    public record Overview(Instant generatedAt, RunPage runs, Map<String, Integer> batchesByState,
            List<BatchView> batchesInFlight, List<FailureView> latestFailures, boolean redriveEnabled) {
    }
}
