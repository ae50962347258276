package org.ahibridge.storage;

/**
 * A route or command asked for a read from a {@code write}-only registration or a write to a
 * {@code read}-only one (docs/design.md §2). Thrown before any data moves; the message names the
 * registration, its mode and the key to change.
 */
public class AccessModeException extends RuntimeException {

    public AccessModeException(String message) {
        super(message);
    }
}
