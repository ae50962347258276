package org.ahibridge;

import java.util.Arrays;

import org.ahibridge.cli.Commands;

/**
 * Entry point of {@code ahi-bridge.jar}: with no subcommand it runs the service
 * ({@link AhiBridgeApplication}); otherwise it runs the subcommand of DESIGN.md §6 and exits with its
 * status (0 done, 1 the run could not complete, 2 usage error).
 */
public final class AhiBridge {

    private AhiBridge() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            AhiBridgeApplication.run(args);
            return;
        }
        int status = Commands.run(args[0], Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
        if (status != Commands.KEEP_RUNNING) {
            System.exit(status);
        }
    }
}
