package org.ahibridge.exporting;

import java.util.Locale;

/**
 * What to do when the destination already holds an object at an instance's key (Flywheel's
 * Never / Always / Auto): {@code never} keeps it (SKIPPED_EXISTS), {@code always} replaces it,
 * {@code if-different} replaces it only when its content differs from the rebuilt file: sizes first,
 * then the MD5 of the content (an S3 ETag is that MD5 for single-part uploads; otherwise the existing
 * object is read and hashed).
 */
public enum OverwritePolicy {
    NEVER, ALWAYS, IF_DIFFERENT;

    public static OverwritePolicy parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (v) {
            case "never" -> NEVER;
            case "always" -> ALWAYS;
            case "if-different", "auto" -> IF_DIFFERENT;
            default -> throw new IllegalArgumentException("'" + value + "' is not an overwrite policy; use never,"
                    + " always or if-different");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
