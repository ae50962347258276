package org.ahibridge.cli;

import java.io.PrintStream;

/** A subcommand of the jar (docs/design.md §6). */
public interface Command {

    /**
     * Runs the command.
     *
     * @return the exit status: 0 done, 1 the run could not complete, 2 usage error, or
     *         {@link Commands#KEEP_RUNNING} for a server that keeps running after this returns
     */
    int run(String[] args, PrintStream out, PrintStream err);
}
