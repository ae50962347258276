package org.ahibridge.cli;

import java.io.PrintStream;
import java.util.OptionalInt;

/**
 * The arguments of the service itself ({@code java -jar ahi-bridge.jar [--key=value]...}). Spring Boot would
 * ignore anything else without a word, so a mistyped flag or a {@code -D} after {@code -jar} would change
 * nothing while the user believes it did: those are usage errors here.
 */
public final class ServiceArgs {

    private ServiceArgs() {
    }

    /**
     * Prints the help when asked for, or a usage error.
     *
     * @return empty when the service may start with these arguments, else the exit status
     */
    public static OptionalInt check(String[] args, PrintStream out, PrintStream err) {
        for (String arg : args) {
            if (Commands.isHelp(arg)) {
                Commands.printOverview(out);
                return OptionalInt.of(Commands.OK);
            }
        }
        for (String arg : args) {
            String problem = problem(arg);
            if (problem != null) {
                return OptionalInt.of(Commands.usageError(err, problem));
            }
        }
        return OptionalInt.empty();
    }

    private static String problem(String arg) {
        if (arg.startsWith("-D")) {
            return "-D options go before -jar (java -Dkey=value -jar ahi-bridge.jar), or use --key=value after it";
        }
        if (arg.equals("--debug") || arg.equals("--trace")) {
            return null;
        }
        if (arg.startsWith("--") && arg.indexOf('=') > 2) {
            return null;
        }
        if (arg.startsWith("-")) {
            return "unknown option " + ParsedArgs.optionName(arg)
                    + " for the service; it takes configuration keys as --key=value";
        }
        return "the service takes only --key=value options; to run a command, put its name first";
    }
}
