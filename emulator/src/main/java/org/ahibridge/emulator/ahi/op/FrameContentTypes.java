package org.ahibridge.emulator.ahi.op;

/**
 * The GetImageFrame Content-Type of a stored transfer syntax (service model doc of
 * GetImageFrameResponse.contentType, docs/aws-healthimaging.md §5.1). Syntaxes AHI never stores (it transcodes them)
 * but the emulator keeps as they are get the nearest image type, or {@code application/octet-stream}.
 */
public final class FrameContentTypes {

    private FrameContentTypes() {
    }

    public static String of(String storedSyntax) {
        if (storedSyntax == null || storedSyntax.equals("1.2.840.10008.1.2.4.202")
                || storedSyntax.equals("1.2.840.10008.1.2.4.201")) {
            return "image/jph";
        }
        return switch (storedSyntax) {
            case "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
                    "1.2.840.10008.1.2.4.70" -> "image/jpeg";
            case "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81" -> "image/jls";
            case "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.92",
                    "1.2.840.10008.1.2.4.93" -> "image/j2c";
            case "1.2.840.10008.1.2.4.203" -> "image/jphc";
            case "1.2.840.10008.1.2.4.112" -> "image/jxl";
            case "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.100.1", "1.2.840.10008.1.2.4.101",
                    "1.2.840.10008.1.2.4.101.1" -> "video/mpeg";
            case "1.2.840.10008.1.2.4.107", "1.2.840.10008.1.2.4.108" -> "video/H256";
            default -> storedSyntax.startsWith("1.2.840.10008.1.2.4.10") ? "video/mp4" : "application/octet-stream";
        };
    }

    /** True when an Accept header allows the type: {@code *}{@code /*}, {@code type/*}, or the type itself. */
    public static boolean accepts(String accept, String contentType) {
        for (String part : accept.split(",")) {
            String range = part.split(";")[0].trim().toLowerCase();
            String type = contentType.toLowerCase();
            if (range.isEmpty() || range.equals("*/*") || range.equals(type)
                    || (range.endsWith("/*") && type.startsWith(range.substring(0, range.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
