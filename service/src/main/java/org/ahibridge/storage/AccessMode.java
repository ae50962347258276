package org.ahibridge.storage;

import java.util.Locale;

/**
 * What a registration allows (docs/design.md §2): {@code read} (may be a source), {@code write} (may be a
 * destination) or {@code read-write}.
 *
 * <p>Flywheel's labels are accepted too. They name directions from Flywheel's side, so for an AHI
 * datastore "Import only" (Flywheel imports from AHI) is {@code read}, "Export only" (Flywheel exports
 * to AHI) is {@code write} and "Both" is {@code read-write}. ahi-bridge's own <em>import</em> writes to
 * a datastore and needs {@code write}; its <em>export</em> reads and needs {@code read}.
 */
public enum AccessMode {
    READ("read"),
    WRITE("write"),
    READ_WRITE("read-write");

    private final String label;

    AccessMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean canRead() {
        return this != WRITE;
    }

    public boolean canWrite() {
        return this != READ;
    }

    /** Parses a configured value, or throws {@link IllegalArgumentException} listing the accepted values. */
    public static AccessMode parse(String value) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-')
                .replace(' ', '-');
        return switch (normalized) {
            case "read", "read-only", "import-only" -> READ;
            case "write", "write-only", "export-only" -> WRITE;
            case "read-write", "readwrite", "both" -> READ_WRITE;
            default -> throw new IllegalArgumentException("'" + value + "' is not an access mode; use read, write"
                    + " or read-write (Flywheel labels: Import only, Export only, Both)");
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
