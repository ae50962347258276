package org.ahibridge.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command, parsed against its {@link CommandSpec}: option values, flags,
 * {@code -Dkey=value} properties and plain operands. Every accessor that converts a value throws a
 * {@link UsageException} that says what was expected, without the value itself.
 */
final class ParsedArgs {

    private final Map<String, List<String>> values = new HashMap<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final List<String> properties = new ArrayList<>();
    private final List<String> operands = new ArrayList<>();
    private boolean help;

    static ParsedArgs parse(CommandSpec spec, String[] args) {
        ParsedArgs parsed = new ParsedArgs();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                parsed.help = true;
            } else if (spec.properties() && arg.startsWith("-D") && arg.indexOf('=') > 2) {
                parsed.properties.add(arg.substring(2));
            } else if (arg.startsWith("-") && arg.length() > 1) {
                Option option = spec.option(arg).orElseThrow(() -> new UsageException(
                        "unknown option " + optionName(arg)));
                if (!option.takesValue()) {
                    parsed.flags.add(arg);
                    continue;
                }
                // A value may start with '-' (a negative number); only a following option counts as missing.
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(arg + " needs a value: " + option.placeholder());
                }
                List<String> list = parsed.values.computeIfAbsent(arg, k -> new ArrayList<>());
                if (!list.isEmpty() && !option.repeatable()) {
                    throw new UsageException(arg + " is given twice; give it once");
                }
                list.add(args[++i]);
            } else if (spec.operands() == null) {
                // Not echoed: a stray argument may be a file name or anything else the user typed.
                throw new UsageException("takes no plain arguments, only options (argument " + (i + 1)
                        + " is not an option)");
            } else {
                parsed.operands.add(arg);
            }
        }
        return parsed;
    }

    /** An unknown option's name as typed up to '=', cut short: a name the user chose, never a value. */
    static String optionName(String arg) {
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg : arg.substring(0, equals);
        return "'" + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'";
    }

    boolean help() {
        return help;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    String text(String option, String orElse) {
        List<String> list = values.get(option);
        return list == null ? orElse : list.get(0);
    }

    String required(String option) {
        String value = text(option, null);
        if (value == null) {
            throw new UsageException(option + " is required");
        }
        return value;
    }

    List<String> all(String option) {
        return values.getOrDefault(option, List.of());
    }

    /** A whole number from {@code min} to {@code max}, or {@code orElse} when the option is not given. */
    long wholeNumber(String option, long orElse, long min, long max) {
        String text = text(option, null);
        if (text == null) {
            return orElse;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, without the value
        }
        throw new UsageException(option + " needs a whole number from " + min + " to " + max);
    }

    int wholeNumber(String option, int orElse, int min, int max) {
        return (int) wholeNumber(option, (long) orElse, min, (long) max);
    }

    List<String> properties() {
        return properties;
    }

    List<String> operands() {
        return operands;
    }
}
