package org.ahibridge.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * What a command accepts and how {@code --help} explains it. The parser ({@link ParsedArgs}) and the help
 * text both come from this one list, so no option is parsed but left unexplained, or the other way round.
 *
 * @param name        the command as typed after the jar, e.g. {@code p10 check}
 * @param synopsis    the arguments in the usage line
 * @param summary     one line for the jar's overview
 * @param description what the command does, a few lines
 * @param options     every option it accepts
 * @param operands    the placeholder of its plain arguments (e.g. {@code PATH...}), or null when it takes none
 * @param properties  whether {@code -Dkey=value} arguments set configuration keys for this run
 * @param notes       lines after the options: exit status, examples
 */
record CommandSpec(String name, String synopsis, String summary, String description, List<Option> options,
        String operands, boolean properties, List<String> notes) {

    static final String PROGRAM = "java -jar ahi-bridge.jar";
    private static final String PROPERTY_HELP = "sets a configuration key for this run only (as in application.yaml)";
    private static final String HELP_HELP = "prints this help and exits";

    Optional<Option> option(String argument) {
        return options.stream().filter(o -> o.name().equals(argument)).findFirst();
    }

    /** The hint that follows every usage error. */
    String hint() {
        return "see: " + PROGRAM + " " + name + " --help";
    }

    void printHelp(PrintStream out) {
        out.println("usage: " + PROGRAM + " " + name + (synopsis.isEmpty() ? "" : " " + synopsis));
        out.println();
        out.println(description);
        out.println();
        int width = Math.max(14, options.stream().mapToInt(o -> o.label().length()).max().orElse(0)) + 2;
        for (Option option : options) {
            printOption(out, option.label(), option.help() + (option.repeatable() ? " (repeatable)" : ""), width);
        }
        if (properties) {
            printOption(out, "-Dkey=value", PROPERTY_HELP, width);
        }
        printOption(out, "-h, --help", HELP_HELP, width);
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(out::println);
        }
    }

    private static void printOption(PrintStream out, String label, String help, int width) {
        String indent = " ".repeat(width + 2);
        String[] lines = help.split("\n");
        out.println("  " + label + " ".repeat(width - label.length()) + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.println(indent + lines[i]);
        }
    }
}
