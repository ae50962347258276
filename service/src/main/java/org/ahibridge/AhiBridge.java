package org.ahibridge;

import java.util.Arrays;
import java.util.OptionalInt;

import org.ahibridge.cli.Commands;
import org.ahibridge.cli.ServiceArgs;

/**
 * Entry point of {@code ahi-bridge.jar}: with no subcommand it runs the service
 * ({@link AhiBridgeApplication}); otherwise it runs the subcommand of docs/design.md §6 and exits with its
 * status (0 done, 1 the run could not complete, 2 usage error). {@code --help} prints the overview
 * without starting anything.
 */
public final class AhiBridge {

    private AhiBridge() {
    }

    public static void main(String[] args) {
        // The JDK HTTP server (emulator) reads this once, when the first server starts: without it every
        // emulated AWS call waits for Nagle's delayed ACK (about 48 ms instead of 6 ms).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        if (args.length == 0 || args[0].startsWith("-")) {
            OptionalInt status = ServiceArgs.check(args, System.out, System.err);
            if (status.isPresent()) {
                System.exit(status.getAsInt());
            }
            int failed = AhiBridgeApplication.run(args, System.err);
            if (failed != Commands.OK) {
                System.exit(failed);
            }
            return;
        }
        int status = Commands.run(args[0], Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
        if (status != Commands.KEEP_RUNNING) {
            System.exit(status);
        }
    }
}
