package org.ahibridge.storage;

import java.util.Objects;

/** A storage and the key prefix selected inside it (empty for the whole storage). */
public record StorageSelection(StorageRegistration registration, String prefix) {

    public StorageSelection {
        Objects.requireNonNull(registration, "registration");
        prefix = prefix == null ? "" : prefix;
    }
}
