package org.ahibridge.cli;

import java.io.PrintStream;
import java.util.List;

import org.ahibridge.importing.OneShotImports;

/**
 * {@code import --source URI [--datastore NAME] --once} (docs/design.md §6): one bulk import of everything under
 * the source into the datastore (default {@code local}, the embedded emulator unless configured otherwise).
 * Prints the JSON summary as its last line; exit 0 when the run completed (even with skipped or failed
 * files), 1 when it could not complete, 2 for usage errors. {@code -Dkey=value} arguments override
 * configuration.
 */
final class ImportCommand implements Command {

    static final CommandSpec SPEC = new CommandSpec("import", "--source URI [--datastore NAME] --once [-Dkey=value]...",
            "imports everything under a source into a datastore, then exits",
            """
            Imports every file under a source into an AWS HealthImaging datastore, then exits once every file
            has a terminal outcome (IMPORTED, SKIPPED_NOT_P10, ALREADY_IMPORTED, FAILED, ...). Files already
            imported are not imported twice. Each outcome goes to audit/outcomes-DATE.jsonl, and the run's
            report to audit/runs/. While it runs, its progress goes to stderr: one line redrawn in place on a
            terminal, a line every --progress-interval seconds otherwise. The last line printed on stdout is a
            JSON summary of the run.""",
            ProgressOptions.with(List.of(Option.value("--source", "URI", """
                            where the files are (required): file:FOLDER, s3://bucket/prefix/,
                            azure-blob://account/container/prefix/, gs://bucket/prefix/, or a storage
                            registered under ahibridge.storages; a folder must exist"""),
                    Option.value("--datastore", "NAME", """
                            the datastore registered under ahibridge.datastores (default: local, the
                            in-process emulator when no datastore 'local' is configured)"""),
                    Option.flag("--once", """
                            required: import once and exit (the continuous import is the service:
                            java -jar ahi-bridge.jar)"""))),
            null, true,
            List.of("Exit status: 0 the run completed, even with skipped or failed files; 1 it could not complete;",
                    "2 usage or configuration error. Example:",
                    "  java -jar ahi-bridge.jar import --source file:data/inbox --once"));

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLine.run(SPEC, args, out, err, parsed -> {
            String source = parsed.required("--source");
            if (!parsed.has("--once")) {
                throw new UsageException("--once is required (the continuous import is the service:"
                        + " java -jar ahi-bridge.jar)");
            }
            String datastore = parsed.text("--datastore", "local");
            return OneShotRun.execute("import", parsed.properties(), ProgressOptions.of(parsed, err), out, err,
                    (context, started) -> {
                        RunPreconditions.of(context).requireImport(source, datastore);
                        return context.getBean(OneShotImports.class).importOnce(source, datastore, started);
                    });
        });
    }
}
