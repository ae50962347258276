package org.ahibridge.emulator.dicomweb;

import java.util.ArrayList;
import java.util.List;

import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.op.FrameContentTypes;
import org.ahibridge.emulator.dicomweb.http.MediaType;

/**
 * What a WADO-RS request's Accept header asks for, and which of it the emulator can give, as AWS negotiates
 * it (docs/aws-healthimaging.md §10): the {@code transfer-syntax} parameter is optional and means explicit VR
 * little endian when absent; {@code *} is the stored syntax; any other value works only where it is the stored
 * syntax. Media ranges are tried in the order of their {@code q}; the first that can be served wins. When
 * none can, the answer is 406 with what can be had instead.
 */
final class RetrieveNegotiation {

    /**
     * The answer: frames (or the instance) in {@code syntax}, framed as multipart/related or not, each part
     * (or the whole body) of {@code partType}.
     */
    record Choice(String syntax, boolean multipart, String partType) {

        /** The Content-Type of one part (or of a single-part body), with its transfer syntax. */
        String partContentType() {
            return partType + "; transfer-syntax=" + syntax;
        }
    }

    private static final String DICOM = "application/dicom";
    private static final String OCTET_STREAM = "application/octet-stream";

    private RetrieveNegotiation() {
    }

    /**
     * GetDICOMInstance: {@code application/dicom} or {@code multipart/related; type="application/dicom"} (the
     * PS3.18 form that DICOMweb clients send), each with an optional transfer-syntax; {@code *}{@code /*}
     * counts as {@code application/dicom}.
     */
    static Choice instance(String accept, LocatedInstance instance) {
        List<String> refused = new ArrayList<>();
        for (MediaType range : ranges(accept, DICOM)) {
            boolean multipart = range.essence().equals("multipart/related");
            boolean acceptable = range.isWildcard() ? range.includes(DICOM)
                    : range.essence().equals(DICOM) || multipart && typeIs(range, DICOM, true);
            if (!acceptable) {
                continue;
            }
            String syntax = syntaxOf(range, instance);
            String why = ServedFrames.whyNot(instance, syntax);
            if (why == null) {
                return new Choice(syntax, multipart, DICOM);
            }
            refused.add(syntax + ": " + why);
        }
        throw notAcceptable("GetDICOMInstance", "application/dicom or multipart/related; type=\"application/dicom\"",
                instance, refused);
    }

    /**
     * GetDICOMInstanceFrames: {@code multipart/related} with parts of {@code type="application/octet-stream"}
     * (the default) in any servable syntax, or of the stored frames' own image type ({@code image/jph} for HTJ2K)
     * in the stored syntax.
     */
    static Choice frames(String accept, LocatedInstance instance) {
        String storedType = FrameContentTypes.of(instance.storedSyntax());
        List<String> refused = new ArrayList<>();
        for (MediaType range : ranges(accept, "multipart/related; type=\"" + OCTET_STREAM + "\"")) {
            boolean multipart = range.isWildcard() ? range.includes("multipart/related")
                    : range.essence().equals("multipart/related");
            if (!multipart) {
                continue;
            }
            String type = range.isWildcard() || range.parameter("type") == null ? OCTET_STREAM
                    : essenceOf(range.parameter("type"));
            if (!type.equals(OCTET_STREAM) && !type.equals(storedType)) {
                refused.add("parts of type " + type + ": the frames are stored as " + storedType);
                continue;
            }
            String syntax = type.equals(OCTET_STREAM) ? syntaxOf(range, instance)
                    : range.parameter("transfer-syntax") == null ? instance.storedSyntax() : syntaxOf(range, instance);
            String why = ServedFrames.whyNot(instance, syntax);
            if (why == null) {
                return new Choice(syntax, true, type);
            }
            refused.add(syntax + ": " + why);
        }
        throw notAcceptable("GetDICOMInstanceFrames", "multipart/related; type=\"application/octet-stream\" (or the"
                + " stored frames' type, " + storedType + ")", instance, refused);
    }

    private static List<MediaType> ranges(String accept, String whenAbsent) {
        try {
            List<MediaType> ranges = MediaType.parseList(accept == null || accept.isBlank() ? whenAbsent : accept);
            return ranges.stream().filter(r -> r.quality() > 0).toList();
        } catch (IllegalArgumentException e) {
            throw AhiError.validation("The Accept header is malformed: " + e.getMessage());
        }
    }

    /** The {@code type} parameter of a multipart range is {@code wanted} (or absent, when that is allowed). */
    private static boolean typeIs(MediaType range, String wanted, boolean absentIsWanted) {
        String type = range.parameter("type");
        return type == null ? absentIsWanted : essenceOf(type).equals(wanted);
    }

    /** The {@code type/subtype} of a {@code type} parameter's value, which may carry parameters of its own. */
    private static String essenceOf(String type) {
        try {
            return MediaType.parse(type).essence();
        } catch (IllegalArgumentException e) {
            throw AhiError.validation("The type parameter of the Accept header is not a media type: " + e.getMessage());
        }
    }

    /** The transfer syntax a range asks for: explicit VR little endian when absent, the stored one for {@code *}. */
    private static String syntaxOf(MediaType range, LocatedInstance instance) {
        String syntax = range.parameter("transfer-syntax");
        if (syntax == null || syntax.isBlank()) {
            return TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        }
        return syntax.strip().equals("*") ? instance.storedSyntax() : syntax.strip();
    }

    private static AhiError notAcceptable(String operation, String answers, LocatedInstance instance,
            List<String> refused) {
        String stored = instance.storedSyntax();
        String message = refused.isEmpty()
                ? operation + " answers " + answers + "; the Accept header allows none of it"
                : "The instance is stored as " + TransferSyntax.nameOf(stored) + " (" + stored + "), and the Accept"
                        + " header asks only for what the emulator cannot give: " + String.join("; ", refused)
                        + ". Ask for transfer-syntax=* (the stored syntax)"
                        + (ServedFrames.whyNot(instance, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN) == null
                                ? " or 1.2.840.10008.1.2.1 (explicit VR little endian)" : "");
        return AhiError.notAcceptable(message);
    }
}
