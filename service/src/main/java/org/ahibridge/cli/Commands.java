package org.ahibridge.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The subcommands of the jar, by name, and the jar's own help. */
public final class Commands {

    /** Returned by commands that start servers and must not exit the JVM. */
    public static final int KEEP_RUNNING = -1;
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private record Entry(String label, String summary, Supplier<Command> command) {
    }

    private static final Map<String, Entry> COMMANDS = new LinkedHashMap<>();

    static {
        // In the order a first-time user meets them; each command's class parses its own arguments.
        add("samples", SamplesCommand.SPEC, SamplesCommand::new);
        add("import", ImportCommand.SPEC, ImportCommand::new);
        add("export", ExportCommand.SPEC, ExportCommand::new);
        add("redrive", RedriveCommand.SPEC, RedriveCommand::new);
        add("p10", P10CheckCommand.SPEC, P10CheckCommand::new);
        COMMANDS.put("emulator", new Entry("emulator", EmulatorCommand.SUMMARY, EmulatorCommand::new));
    }

    private static void add(String name, CommandSpec spec, Supplier<Command> command) {
        COMMANDS.put(name, new Entry(spec.name(), spec.summary(), command));
    }

    private Commands() {
    }

    public static boolean isHelp(String argument) {
        return argument.equals("--help") || argument.equals("-h") || argument.equals("help");
    }

    /** Runs {@code name}; {@code help} alone prints the overview, {@code help NAME} the command's help. */
    public static int run(String name, String[] args, PrintStream out, PrintStream err) {
        if (isHelp(name)) {
            if (args.length == 0) {
                printOverview(out);
                return OK;
            }
            return run(args[0], new String[] {"--help"}, out, err);
        }
        Entry entry = COMMANDS.get(name);
        if (entry == null) {
            // Not echoed: a mistyped command may be a file name or anything else.
            return usageError(err, "unknown command; the commands are " + String.join(", ", COMMANDS.keySet()));
        }
        return entry.command().get().run(args, out, err);
    }

    /** Prints a usage error of the jar itself: one line and the hint. */
    public static int usageError(PrintStream err, String problem) {
        err.println("ahi-bridge: " + problem);
        err.println("see: " + CommandSpec.PROGRAM + " --help");
        return USAGE;
    }

    public static void printOverview(PrintStream out) {
        String program = CommandSpec.PROGRAM;
        out.println("usage: " + program + " [--key=value]...       runs the service");
        out.println("       " + program + " COMMAND [OPTIONS]     runs one command and exits");
        out.println();
        out.println("ahi-bridge moves DICOM between blob storage and AWS HealthImaging. The service imports what");
        out.println("arrives in its sources and runs the Camel routes in ./routes; its configuration is built in,");
        out.println("and ./application.yaml (if present), environment variables and --key=value override it.");
        out.println();
        out.println("Commands:");
        int width = COMMANDS.values().stream().mapToInt(e -> e.label().length()).max().orElse(0) + 2;
        COMMANDS.values().forEach(e -> out.println("  " + e.label() + " ".repeat(width - e.label().length())
                + e.summary()));
        out.println();
        out.println("Options of the service:");
        out.println("  --key=value   sets a configuration key, e.g. --ahibridge.ledger.url=jdbc:postgresql://HOST/DB");
        out.println("                (-Dkey=value before -jar does the same)");
        out.println("  -h, --help    prints this help and exits (also: help, help COMMAND)");
        out.println();
        out.println("Run '" + program + " COMMAND --help' for a command's options.");
        out.println("Exit status: 0 ran; 1 the run could not complete; 2 usage or configuration error.");
    }
}
