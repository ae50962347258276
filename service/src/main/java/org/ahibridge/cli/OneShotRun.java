package org.ahibridge.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ahibridge.audit.JsonLines;
import org.ahibridge.importing.OneShotImports.Summary;
import org.ahibridge.ledger.ImportRun;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs a one-shot command in a {@link CommandContext} and prints its JSON summary as the last line. */
final class OneShotRun {

    private static final ObjectMapper JSON = JsonLines.mapper();

    private OneShotRun() {
    }

    static int execute(String name, List<String> properties, PrintStream out, PrintStream err,
            ImportCommand.ContextAction action) {
        Summary summary;
        try (ConfigurableApplicationContext context = CommandContext.start(properties)) {
            summary = action.run(context);
        } catch (RuntimeException e) {
            Throwable cause = rootCause(e);
            err.println(name + ": " + cause.getMessage());
            out.println(failure(cause.getMessage()));
            return ImportCommand.isUsage(e) ? Commands.USAGE : Commands.FAILED;
        } catch (Exception e) {
            err.println(name + ": " + e.getMessage());
            out.println(failure(e.getMessage()));
            return Commands.FAILED;
        }
        // Printed once the context has closed, so no shutdown log line follows the summary.
        try {
            out.println(line(summary));
        } catch (Exception e) {
            out.println(failure(e.getMessage()));
            return Commands.FAILED;
        }
        return summary.result().state() == ImportRun.RunState.COMPLETED ? Commands.OK : Commands.FAILED;
    }

    static String line(Summary summary) throws Exception {
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

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
