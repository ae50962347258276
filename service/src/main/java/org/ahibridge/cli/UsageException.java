package org.ahibridge.cli;

/**
 * A usage error: the arguments cannot be run as given. Its message is one line that names the problem and
 * what is expected, never the rejected value (it may be anything, patient data included). Exit status 2.
 */
final class UsageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
