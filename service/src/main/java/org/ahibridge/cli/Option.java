package org.ahibridge.cli;

/**
 * One option of a command, as parsed and as explained by {@code --help}.
 *
 * @param name        {@code --name}
 * @param placeholder what its value is, e.g. {@code DIR}; null for a flag, which takes no value
 * @param repeatable  whether it may be given more than once (its values are kept in order)
 * @param help        what it does, and its default
 */
record Option(String name, String placeholder, boolean repeatable, String help) {

    static Option flag(String name, String help) {
        return new Option(name, null, false, help);
    }

    static Option value(String name, String placeholder, String help) {
        return new Option(name, placeholder, false, help);
    }

    static Option repeatable(String name, String placeholder, String help) {
        return new Option(name, placeholder, true, help);
    }

    boolean takesValue() {
        return placeholder != null;
    }

    /** How the option reads in the help's list: {@code --out DIR}. */
    String label() {
        return takesValue() ? name + " " + placeholder : name;
    }
}
