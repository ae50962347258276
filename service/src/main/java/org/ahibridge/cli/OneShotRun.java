package org.ahibridge.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.ahibridge.audit.JsonLines;
import org.ahibridge.cli.progress.ImportProgress;
import org.ahibridge.cli.progress.ProgressDisplay;
import org.ahibridge.ledger.ImportRuns;
import org.ahibridge.importing.OneShotImports.Summary;
import org.ahibridge.ledger.ImportRun;
import org.ahibridge.startup.StartupProblem;
import org.ahibridge.startup.StartupProblems;
import org.ahibridge.storage.AccessModeException;
import org.ahibridge.storage.StorageException;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs a one-shot command in a {@link CommandContext} and prints its JSON summary as the last line. */
final class OneShotRun {

    private static final ObjectMapper JSON = JsonLines.mapper();

    private OneShotRun() {
    }

    /** The command's work in the started context; it hands {@code started} its run's id once it has one. */
    interface ContextAction {
        Summary run(ConfigurableApplicationContext context, Consumer<String> started) throws Exception;
    }

    static int execute(String name, List<String> properties, ProgressOptions progressOptions, PrintStream out,
            PrintStream err, ContextAction action) {
        Summary summary;
        RunRequests requests = RunRequests.start();
        try (ConfigurableApplicationContext context = CommandContext.start(properties)) {
            ImportProgress progress = new ImportProgress(context.getBean(ImportRuns.class));
            try (ProgressDisplay display = progressOptions.show(name, progress, err)) {
                summary = action.run(context, progress.started());
            }
        } catch (Exception e) {
            return failed(name, e, out, err);
        }
        // Printed once the context has closed, so no shutdown log line follows the summary.
        try {
            out.println(line(summary, requests));
        } catch (Exception e) {
            out.println(failure(e.getMessage()));
            return Commands.FAILED;
        }
        return summary.result().state() == ImportRun.RunState.COMPLETED ? Commands.OK : Commands.FAILED;
    }

    /**
     * One line on {@code err} and the ABORTED summary on {@code out}. A known problem says what to do; a
     * wrong argument or configuration (a registration, an access mode) is exit status 2, anything else 1.
     */
    private static int failed(String name, Exception e, PrintStream out, PrintStream err) {
        Optional<StartupProblem> problem = StartupProblems.find(e);
        String message = problem.map(Throwable::getMessage).orElseGet(() -> storageFailure(e)
                .orElseGet(() -> rootCause(e).getMessage()));
        err.println(name + ": " + message);
        out.println(failure(message));
        boolean usage = problem.map(StartupProblem::isConfiguration)
                .orElse(e instanceof IllegalArgumentException || e instanceof AccessModeException);
        return usage ? Commands.USAGE : Commands.FAILED;
    }

    static String line(Summary summary, RunRequests requests) throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("runId", summary.result().runId());
        fields.put("state", summary.result().state().name());
        fields.put("source", summary.source());
        fields.put("datastore", summary.datastore());
        fields.put("files", summary.outcomes().values().stream().mapToInt(Integer::intValue).sum());
        fields.put("pending", summary.result().pending());
        fields.put("jobs", summary.jobs());
        Map<String, Integer> outcomes = new TreeMap<>();
        summary.outcomes().forEach((outcome, count) -> outcomes.put(outcome.name(), count));
        fields.put("outcomes", outcomes);
        fields.put("report", summary.report().toString());
        requests.addTo(fields);
        return JSON.writeValueAsString(fields);
    }

    private static String failure(String message) {
        try {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("state", "ABORTED");
            fields.put("error", message);
            fields.put("outcomes", Map.of());
            return JSON.writeValueAsString(fields);
        } catch (Exception e) {
            return "{\"state\":\"ABORTED\",\"outcomes\":{}}";
        }
    }

    /**
     * A storage's failure says which operation on which location failed, which its SDK cause does not; a
     * location that does not exist also says what to do.
     */
    private static Optional<String> storageFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageException storage) {
                String message = storage.getMessage();
                boolean missing = message.contains("NoSuchBucket") || message.contains("ContainerNotFound");
                return Optional.of(missing ? message + "; create the bucket or container, or correct the location"
                        : message);
            }
        }
        return Optional.empty();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
