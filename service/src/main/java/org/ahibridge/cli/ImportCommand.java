package org.ahibridge.cli;

import java.io.PrintStream;
import java.util.Set;

import org.ahibridge.importing.OneShotImports;
import org.ahibridge.storage.AccessModeException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import --source URI [--datastore NAME] --once} (DESIGN.md §6): one bulk import of everything under
 * the source into the datastore (default {@code local}, the embedded emulator unless configured otherwise).
 * Prints the JSON summary as its last line; exit 0 when the run completed (even with skipped or failed
 * files), 1 when it could not complete, 2 for usage errors. {@code -Dkey=value} arguments override
 * configuration.
 */
final class ImportCommand implements Command {

    static final String USAGE = "usage: import --source URI [--datastore NAME] --once";

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        OneShotArgs parsed;
        try {
            parsed = OneShotArgs.parse(args, Set.of("--source", "--datastore"), Set.of("--once"));
        } catch (IllegalArgumentException e) {
            err.println("import: " + e.getMessage());
            err.println(USAGE);
            return Commands.USAGE;
        }
        String source = parsed.values.get("--source");
        if (source == null || !parsed.flags.contains("--once")) {
            err.println("import: " + (source == null ? "--source is required" : "--once is required (the"
                    + " continuous import is the service: java -jar ahi-bridge.jar)"));
            err.println(USAGE);
            return Commands.USAGE;
        }
        String datastore = parsed.values.getOrDefault("--datastore", "local");
        return OneShotRun.execute("import", parsed.properties, out, err,
                context -> context.getBean(OneShotImports.class).importOnce(source, datastore));
    }

    static boolean isUsage(RuntimeException e) {
        return e instanceof IllegalArgumentException || e instanceof AccessModeException;
    }

    interface ContextAction {
        OneShotImports.Summary run(ConfigurableApplicationContext context) throws Exception;
    }
}
