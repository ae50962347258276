package org.ahibridge.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;

import org.ahibridge.audit.RunReportWriter;
import org.ahibridge.ledger.ImportRun;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.ledger.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs of the polling routes. A polling service never stops, so its runs end by a rule: the run of a
 * source is COMPLETED, and its report written, once
 * <ol>
 * <li>the source's last full listing pass was quiet (nothing new taken, nothing waiting for the stability
 * rule, no object announced by an event since), and
 * <li>every object the run took has its outcome (so all its batches are finished), and
 * <li>it took at least one object (a quiet source does not produce empty reports).
 * </ol>
 * The next new object of the source then starts a new run with a new id. Runs are per process: a run
 * left RUNNING by a stopped process stays so in the ledger, and its unfinished objects are adopted by the
 * run that sees them next.
 */
public final class PollingRuns {

    private static final Logger LOG = LoggerFactory.getLogger(PollingRuns.class);

    private final ImportRuns runs;
    private final RunReportWriter reports;
    private final String idPrefix;
    private final Map<String, String> current = new HashMap<>();
    private final Map<String, Boolean> quiet = new HashMap<>();
    private final Set<String> unreported = new LinkedHashSet<>();
    private long started;

    /** @param idPrefix unique per process (run ids are {@code <idPrefix>-<n>}) */
    public PollingRuns(ImportRuns runs, RunReportWriter reports, String idPrefix) {
        this.runs = runs;
        this.reports = reports;
        this.idPrefix = idPrefix;
    }

    /** The source's current run, started when there is none. */
    public synchronized String current(String storage, String prefix, String datastore) {
        return current.computeIfAbsent(storage, s -> {
            String id = idPrefix + "-" + started++;
            runs.start(id, s, prefix, datastore);
            return id;
        });
    }

    /** A listing pass of the source begins: until it ends, the source does not count as quiet. */
    public synchronized void passStarted(String storage) {
        quiet.put(storage, false);
    }

    /** A full listing pass of the source ended; {@code quietPass} when it took nothing and nothing waits. */
    public synchronized void passed(String storage, boolean quietPass) {
        quiet.put(storage, quietPass);
    }

    /** An event announced a new object of the source: it is not quiet until a pass finds nothing new. */
    public synchronized void announced(String storage) {
        quiet.put(storage, false);
    }

    /** Completes the runs that meet the rule above and writes their reports; returns the report files. */
    public synchronized List<Path> completeFinished() {
        for (Iterator<Entry<String, String>> it = current.entrySet().iterator(); it.hasNext();) {
            Entry<String, String> run = it.next();
            if (!quiet.getOrDefault(run.getKey(), false) || runs.pendingCount(run.getValue()) > 0) {
                continue;
            }
            Map<Outcome, Integer> counts = runs.outcomeCounts(run.getValue());
            if (counts.isEmpty()) {
                continue;
            }
            runs.end(run.getValue(), ImportRun.RunState.COMPLETED);
            it.remove();
            LOG.info("Polling run {} of storage '{}' completed: {}", run.getValue(), run.getKey(), counts);
            unreported.add(run.getValue());
        }
        List<Path> written = new ArrayList<>();
        for (Iterator<String> it = unreported.iterator(); it.hasNext();) {
            String runId = it.next();
            try {
                written.add(reports.write(runs, runId));
                it.remove();
            } catch (IOException | RuntimeException e) {
                // Kept for the next call: the run is over either way, only its report is late.
                LOG.error("Could not write the report of run {} (will try again): {}", runId, e.getMessage());
            }
        }
        return written;
    }
}
