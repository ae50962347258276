package org.ahibridge.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The subcommands of the jar, by name. */
public final class Commands {

    /** Returned by commands that start servers and must not exit the JVM. */
    public static final int KEEP_RUNNING = -1;
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final Map<String, Supplier<Command>> COMMANDS = new TreeMap<>();

    static {
        // One line per subcommand; each command's class parses its own arguments.
        COMMANDS.put("emulator", EmulatorCommand::new);
        COMMANDS.put("export", ExportCommand::new);
        COMMANDS.put("import", ImportCommand::new);
        COMMANDS.put("p10", P10CheckCommand::new);
        COMMANDS.put("redrive", RedriveCommand::new);
        COMMANDS.put("samples", SamplesCommand::new);
    }

    private Commands() {
    }

    public static int run(String name, String[] args, PrintStream out, PrintStream err) {
        Supplier<Command> command = COMMANDS.get(name);
        if (command == null) {
            err.println("ahi-bridge: unknown command '" + name + "'");
            err.println("usage: java -jar ahi-bridge.jar [" + String.join(" | ", COMMANDS.keySet()) + "] ...");
            err.println("       java -jar ahi-bridge.jar            (runs the service)");
            return USAGE;
        }
        return command.get().run(args, out, err);
    }
}
