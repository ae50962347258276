package org.ahibridge.emulator.ahi.imports;

import java.nio.file.Path;

/**
 * How an import job reads large objects: an object over {@code thresholdBytes} is downloaded to a
 * temporary file in {@code directory} (null: the system's temporary folder) and read from there one
 * frame at a time; smaller ones are read into memory whole. The file is deleted once the object is
 * read, whatever the outcome.
 */
public record ImportSpool(long thresholdBytes, Path directory) {

    /** 32 MiB: far above typical single images, far below what would strain the emulator's heap. */
    public static ImportSpool defaults() {
        return new ImportSpool(32L << 20, null);
    }
}
