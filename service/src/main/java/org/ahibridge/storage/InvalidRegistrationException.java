package org.ahibridge.storage;

import java.util.List;

/** The configured registrations are invalid; the message lists every problem with its key. */
public class InvalidRegistrationException extends RuntimeException {

    private final List<String> problems;

    public InvalidRegistrationException(List<String> problems) {
        super("invalid storage or datastore configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
