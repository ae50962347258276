package org.ahibridge.cli;

import java.io.PrintStream;
import java.util.List;

import org.ahibridge.importing.OneShotImports;

/**
 * {@code redrive [--datastore NAME] [--storage NAME] [--limit N]}: imports FAILED files again once their
 * cause is fixed (docs/design.md §7), as a run of its own with the same JSON summary line as {@code import}.
 */
final class RedriveCommand implements Command {

    static final int MAX_LIMIT = 1_000_000;

    static final CommandSpec SPEC = new CommandSpec("redrive", "[--datastore NAME] [--storage NAME] [--limit N]",
            "imports the dead letter (files whose outcome is FAILED) again",
            """
            Imports again the files whose outcome is FAILED (the dead letter), once their cause is fixed, as a
            run of its own. Its progress goes to stderr as for import, and the last line printed on stdout is a
            JSON summary of the run, as for import.""",
            ProgressOptions.with(List.of(
                    Option.value("--datastore", "NAME", "the datastore to import into (default: local)"),
                    Option.value("--storage", "NAME", "only the failed files of this storage (default: all)"),
                    Option.value("--limit", "N", "at most N files, 1 to " + MAX_LIMIT + " (default: 100000)"))),
            null, true,
            List.of("Exit status: 0 the run completed; 1 it could not complete; 2 usage or configuration error."));

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLine.run(SPEC, args, out, err, parsed -> {
            int limit = parsed.wholeNumber("--limit", 100_000, 1, MAX_LIMIT);
            String datastore = parsed.text("--datastore", "local");
            String storage = parsed.text("--storage", null);
            return OneShotRun.execute("redrive", parsed.properties(), ProgressOptions.of(parsed, err), out, err,
                    (context, started) -> {
                        RunPreconditions.of(context).requireRedrive(datastore);
                        return context.getBean(OneShotImports.class).redrive(datastore, storage, limit, started);
                    });
        });
    }
}
