package org.ahibridge.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code --name value} options and flags of the one-shot commands; unknown options are errors. */
final class OneShotArgs {

    final Map<String, String> values = new HashMap<>();
    final List<String> flags = new ArrayList<>();
    final List<String> properties = new ArrayList<>();

    static OneShotArgs parse(String[] args, Set<String> options, Set<String> knownFlags) {
        OneShotArgs parsed = new OneShotArgs();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("-D") && arg.contains("=")) {
                parsed.properties.add(arg.substring(2));
            } else if (knownFlags.contains(arg)) {
                parsed.flags.add(arg);
            } else if (options.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                parsed.values.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return parsed;
    }
}
