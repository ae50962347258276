package org.ahibridge.cli;

import java.io.PrintStream;

/**
 * The steps every command shares: parse its arguments against its {@link CommandSpec}, print the help on
 * {@code --help}, and turn a usage error into one line and a hint, exit status 2.
 */
final class CommandLine {

    /** The command's work once its arguments parsed; a {@link UsageException} from it is a usage error too. */
    interface Body {
        int run(ParsedArgs args);
    }

    private CommandLine() {
    }

    static int run(CommandSpec spec, String[] args, PrintStream out, PrintStream err, Body body) {
        ParsedArgs parsed;
        try {
            parsed = ParsedArgs.parse(spec, args);
        } catch (UsageException e) {
            return usageError(spec, err, e.getMessage());
        }
        if (parsed.help()) {
            spec.printHelp(out);
            return Commands.OK;
        }
        try {
            return body.run(parsed);
        } catch (UsageException e) {
            return usageError(spec, err, e.getMessage());
        }
    }

    static int usageError(CommandSpec spec, PrintStream err, String problem) {
        err.println(spec.name() + ": " + problem);
        err.println(spec.hint());
        return Commands.USAGE;
    }
}
