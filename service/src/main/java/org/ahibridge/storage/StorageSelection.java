package org.ahibridge.storage;

import java.util.Objects;

/**
 * A storage and the key prefix selected inside it (empty for the whole storage), with the access rules
 * of every configured registration ({@link Registrations#resolveStorage} sets them), so that a check of
 * the selection also sees registrations that overlap it.
 */
public record StorageSelection(StorageRegistration registration, String prefix, AccessRules rules) {

    public StorageSelection {
        Objects.requireNonNull(registration, "registration");
        prefix = prefix == null ? "" : prefix;
        rules = rules == null ? AccessRules.NONE : rules;
    }

    /** A selection checked against its own registration's mode only (no other registrations known). */
    public StorageSelection(StorageRegistration registration, String prefix) {
        this(registration, prefix, AccessRules.NONE);
    }
}
