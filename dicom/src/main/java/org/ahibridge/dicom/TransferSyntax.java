package org.ahibridge.dicom;

import java.util.Map;
import java.util.Set;

/**
 * Transfer syntax UIDs (PS3.5 §10, PS3.6 Annex A) and how each one encodes the data set.
 *
 * <p>Every syntax that is not one of the four native ones below encodes its data set as explicit
 * VR little endian with encapsulated pixel data (PS3.5 §A.4), so unknown UIDs are read that way.
 */
public final class TransferSyntax {
    private TransferSyntax() {
    }

    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    public static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    public static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";
    public static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";
    public static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    public static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    public static final String JPEG_LS_NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";
    public static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    public static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";
    public static final String JPEG_2000_MC_LOSSLESS = "1.2.840.10008.1.2.4.92";
    public static final String JPEG_2000_MC = "1.2.840.10008.1.2.4.93";
    public static final String HTJ2K_LOSSLESS = "1.2.840.10008.1.2.4.201";
    public static final String HTJ2K_LOSSLESS_RPCL = "1.2.840.10008.1.2.4.202";
    public static final String HTJ2K = "1.2.840.10008.1.2.4.203";
    public static final String JPEG_XL = "1.2.840.10008.1.2.4.112";
    public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

    /** How a syntax lays out the data set after the File Meta Information. */
    public record Encoding(boolean explicitVr, boolean bigEndian, boolean deflated) {
        public static final Encoding IMPLICIT_LE = new Encoding(false, false, false);
        public static final Encoding EXPLICIT_LE = new Encoding(true, false, false);
    }

    public static Encoding encodingOf(String uid) {
        return switch (uid) {
            case IMPLICIT_VR_LITTLE_ENDIAN -> Encoding.IMPLICIT_LE;
            case EXPLICIT_VR_BIG_ENDIAN -> new Encoding(true, true, false);
            case DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, "1.2.840.10008.1.2.4.95" -> new Encoding(true, false, true);
            default -> Encoding.EXPLICIT_LE;
        };
    }

    /** Native (uncompressed) syntaxes: Pixel Data is a plain value, not a sequence of fragments. */
    public static boolean isNative(String uid) {
        return switch (uid) {
            case IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
                    EXPLICIT_VR_BIG_ENDIAN -> true;
            default -> false;
        };
    }

    /**
     * The syntaxes AWS HealthImaging imports (docs/aws-healthimaging.md §5.2, "Supported transfer syntaxes"): native,
     * JPEG baseline/extended/lossless, JPEG-LS, JPEG 2000 (parts 1 and 2), HTJ2K, RLE, JPEG XL and the
     * MPEG-2 / H.264 / HEVC video syntaxes, which AHI stores as they are.
     */
    public static final Set<String> AHI_SUPPORTED = Set.of(
            IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
            EXPLICIT_VR_BIG_ENDIAN, JPEG_BASELINE, JPEG_EXTENDED, JPEG_LOSSLESS, JPEG_LOSSLESS_SV1,
            JPEG_LS_LOSSLESS, JPEG_LS_NEAR_LOSSLESS, JPEG_2000_LOSSLESS, JPEG_2000, JPEG_2000_MC_LOSSLESS,
            JPEG_2000_MC, HTJ2K_LOSSLESS, HTJ2K_LOSSLESS_RPCL, HTJ2K, JPEG_XL, RLE_LOSSLESS,
            "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.100.1", "1.2.840.10008.1.2.4.101",
            "1.2.840.10008.1.2.4.101.1", "1.2.840.10008.1.2.4.102", "1.2.840.10008.1.2.4.102.1",
            "1.2.840.10008.1.2.4.103", "1.2.840.10008.1.2.4.103.1", "1.2.840.10008.1.2.4.104",
            "1.2.840.10008.1.2.4.104.1", "1.2.840.10008.1.2.4.105", "1.2.840.10008.1.2.4.105.1",
            "1.2.840.10008.1.2.4.106", "1.2.840.10008.1.2.4.106.1", "1.2.840.10008.1.2.4.107",
            "1.2.840.10008.1.2.4.108");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(IMPLICIT_VR_LITTLE_ENDIAN, "Implicit VR Little Endian"),
            Map.entry(EXPLICIT_VR_LITTLE_ENDIAN, "Explicit VR Little Endian"),
            Map.entry(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, "Deflated Explicit VR Little Endian"),
            Map.entry(EXPLICIT_VR_BIG_ENDIAN, "Explicit VR Big Endian"),
            Map.entry(JPEG_BASELINE, "JPEG Baseline"), Map.entry(JPEG_EXTENDED, "JPEG Extended"),
            Map.entry(JPEG_LOSSLESS, "JPEG Lossless"), Map.entry(JPEG_LOSSLESS_SV1, "JPEG Lossless SV1"),
            Map.entry(JPEG_LS_LOSSLESS, "JPEG-LS Lossless"), Map.entry(JPEG_LS_NEAR_LOSSLESS, "JPEG-LS Near-Lossless"),
            Map.entry(JPEG_2000_LOSSLESS, "JPEG 2000 Lossless"), Map.entry(JPEG_2000, "JPEG 2000"),
            Map.entry(HTJ2K_LOSSLESS, "HTJ2K Lossless"), Map.entry(HTJ2K_LOSSLESS_RPCL, "HTJ2K Lossless RPCL"),
            Map.entry(HTJ2K, "HTJ2K"), Map.entry(RLE_LOSSLESS, "RLE Lossless"), Map.entry(JPEG_XL, "JPEG XL"));

    /** A readable name for messages, or the UID itself. */
    public static String nameOf(String uid) {
        return NAMES.getOrDefault(uid, uid);
    }
}
