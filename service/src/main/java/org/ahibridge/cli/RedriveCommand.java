package org.ahibridge.cli;

import java.io.PrintStream;
import java.util.Set;

import org.ahibridge.importing.OneShotImports;

/**
 * {@code redrive [--datastore NAME] [--storage NAME] [--limit N]}: imports FAILED files again once their
 * cause is fixed (DESIGN.md §7), as a run of its own with the same JSON summary line as {@code import}.
 */
final class RedriveCommand implements Command {

    static final String USAGE = "usage: redrive [--datastore NAME] [--storage NAME] [--limit N]";

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        OneShotArgs parsed;
        int limit;
        try {
            parsed = OneShotArgs.parse(args, Set.of("--datastore", "--storage", "--limit"), Set.of());
            limit = Integer.parseInt(parsed.values.getOrDefault("--limit", "100000"));
        } catch (IllegalArgumentException e) {
            err.println("redrive: " + e.getMessage());
            err.println(USAGE);
            return Commands.USAGE;
        }
        String datastore = parsed.values.getOrDefault("--datastore", "local");
        String storage = parsed.values.get("--storage");
        return OneShotRun.execute("redrive", parsed.properties, out, err,
                context -> context.getBean(OneShotImports.class).redrive(datastore, storage, limit));
    }
}
