package org.ahibridge.exporting;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The rule that makes one path segment of an export key safe on Windows, macOS and Linux file systems
 * and as part of an S3, Azure Blob or GCS object name:
 * <ul>
 * <li>trailing dots and spaces are removed: Windows drops them (so {@code a.} and {@code a} would be one
 * file), and Azure and GCS advise against names that end with a dot;</li>
 * <li>an empty segment becomes {@code _};</li>
 * <li>a segment starting with '.' gets a leading {@code _}, so no segment is {@code .}, {@code ..} or a
 * hidden file;</li>
 * <li>a Windows device name ({@code CON}, {@code PRN}, {@code AUX}, {@code NUL}, {@code COM0}-{@code COM9},
 * {@code LPT0}-{@code LPT9}, also with superscript digits), in any case and with any extension
 * ({@code nul.txt}, {@code Com1.tar.gz}), gets a leading {@code _}: Windows opens the device instead of
 * a file with that name.</li>
 * </ul>
 * A segment may hold at most {@value #MAX_BYTES} bytes in UTF-8, the limit of ext4, APFS and NTFS
 * names; longer ones are not cut here (the caller refuses them, see {@link PathTemplate}).
 */
final class SafeSegment {

    static final int MAX_BYTES = 255;

    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL");
    private static final String DEVICE_DIGITS = "0123456789\u00B9\u00B2\u00B3";

    private SafeSegment() {
    }

    /** The segment made safe by the rule above. */
    static String of(String segment) {
        String safe = segment.replaceAll("[. ]+$", "");
        if (safe.isEmpty()) {
            return "_";
        }
        if (safe.startsWith(".") || isDeviceName(safe)) {
            return "_" + safe;
        }
        return safe;
    }

    /**
     * Why a segment written literally in a template is not safe as it stands, or null when it is; the
     * reason does not quote the segment.
     */
    static String problem(String segment) {
        if (utf8Length(segment) > MAX_BYTES) {
            return "is longer than " + MAX_BYTES + " bytes";
        }
        if (isDeviceName(segment.replaceAll("[. ]+$", ""))) {
            return "is a Windows device name (CON, PRN, AUX, NUL, COM0-9, LPT0-9)";
        }
        if (!of(segment).equals(segment)) {
            return "starts with '.' or ends with a dot or space";
        }
        return null;
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    // Windows looks at the name before the first dot, ignoring case and the spaces before that dot.
    private static boolean isDeviceName(String segment) {
        int dot = segment.indexOf('.');
        String base = (dot < 0 ? segment : segment.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        if (DEVICES.contains(base)) {
            return true;
        }
        return base.length() == 4 && (base.startsWith("COM") || base.startsWith("LPT"))
                && DEVICE_DIGITS.indexOf(base.charAt(3)) >= 0;
    }
}
