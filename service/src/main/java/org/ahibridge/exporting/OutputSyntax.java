package org.ahibridge.exporting;

import java.util.Locale;

/**
 * The transfer syntax of the written files ({@code --transfer-syntax}): {@code stored} writes the frames as
 * AHI stores them (HTJ2K lossless for most input on AWS, docs/aws-healthimaging.md §5.2); {@code
 * explicit-vr-little-endian} decodes HTJ2K, JPEG 2000 and RLE frames into native pixels, which every PACS and
 * tool reads.
 */
public enum OutputSyntax {
    STORED, EXPLICIT_VR_LITTLE_ENDIAN;

    public static OutputSyntax parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (v) {
            case "stored" -> STORED;
            case "explicit-vr-little-endian", "1.2.840.10008.1.2.1" -> EXPLICIT_VR_LITTLE_ENDIAN;
            default -> throw new IllegalArgumentException("the transfer syntax must be stored or"
                    + " explicit-vr-little-endian");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
