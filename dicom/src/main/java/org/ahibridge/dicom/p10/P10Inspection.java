package org.ahibridge.dicom.p10;

import java.io.IOException;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomFile.PixelDataHeader;
import org.ahibridge.dicom.DicomParseException;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.Uids;

/**
 * One classification: reads the preamble, the File Meta Information and the data set up to Pixel
 * Data, then decides in {@link P10Reason} order. Single use, single thread.
 */
final class P10Inspection {

    static final String MEDIA_DIRECTORY_STORAGE = "1.2.840.10008.1.3.10";
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final DicomReader reader;
    private final CountingInputStream counting;
    private final long size;
    private final int encapsulatedMargin;
    private Attributes meta;
    private long pixelBound = -1;

    P10Inspection(DicomReader reader, CountingInputStream counting, long size, int encapsulatedMargin) {
        this.reader = reader;
        this.counting = counting;
        this.size = size;
        this.encapsulatedMargin = encapsulatedMargin;
    }

    P10Verdict run() throws IOException {
        if (size == 0) {
            return fail(P10Reason.EMPTY, -1, 0, "the object is empty (0 bytes)");
        }
        try {
            return inspect();
        } catch (DicomParseException e) {
            return fromParse(e);
        }
    }

    private P10Verdict inspect() throws IOException {
        reader.readPreamble();
        meta = reader.readFileMeta();
        String syntax = meta.getString(Tags.TRANSFER_SYNTAX_UID);
        if (MEDIA_DIRECTORY_STORAGE.equals(meta.getString(Tags.MEDIA_STORAGE_SOP_CLASS_UID))) {
            return fail(P10Reason.MEDIA_DIRECTORY, Tags.MEDIA_STORAGE_SOP_CLASS_UID,
                    reader.offsetOf(Tags.MEDIA_STORAGE_SOP_CLASS_UID), "Media Storage SOP Class UID (0002,0002) at"
                            + " offset " + reader.offsetOf(Tags.MEDIA_STORAGE_SOP_CLASS_UID) + " is "
                            + MEDIA_DIRECTORY_STORAGE + ": a DICOMDIR (PS3.10 §8), not an instance to import");
        }
        if (syntax == null) {
            return fail(P10Reason.MISSING_TRANSFER_SYNTAX, Tags.TRANSFER_SYNTAX_UID, reader.position(),
                    "the File Meta Information (group 0002, ending at offset " + reader.position()
                            + ") has no Transfer Syntax UID (0002,0010)");
        }
        if (!TransferSyntax.AHI_SUPPORTED.contains(syntax)) {
            long at = reader.offsetOf(Tags.TRANSFER_SYNTAX_UID);
            // Only a valid UID is quoted: anything else may be bytes a broken length pulled in.
            String what = Uids.isValid(syntax) ? syntax
                    : "not a valid UID (PS3.5 §9.1: " + Uids.defect(syntax) + ")";
            return fail(P10Reason.UNSUPPORTED_TRANSFER_SYNTAX, Tags.TRANSFER_SYNTAX_UID, at,
                    "Transfer Syntax UID (0002,0010) at offset " + at + " is " + what
                            + ", which AWS HealthImaging does not import");
        }
        Attributes dataset = reader.readDataset(syntax);
        PixelDataHeader pixels = reader.pixelData();
        // Offsets in a deflated data set count inflated bytes: the object's size does not bound them.
        pixelBound = TransferSyntax.encodingOf(syntax).deflated() ? -1 : size;
        if (pixels != null && pixels.tag() == Tags.PIXEL_DATA) {
            P10Verdict broken = pixels.encapsulated() ? checkEncapsulated(pixels) : checkNative(pixels);
            if (broken != null) {
                return broken;
            }
        }
        P10Rules.Problem problem = P10Rules.check(dataset, reader);
        if (problem != null) {
            return fail(problem.reason(), problem.tag(), problem.offset(), problem.message());
        }
        String where = pixels == null ? "no Pixel Data"
                : "header ends at " + Tags.toString(pixels.tag()) + " at offset " + pixels.offset();
        return verdict(true, null, -1, -1, "DICOM Part 10 in " + TransferSyntax.nameOf(syntax) + "; " + where);
    }

    /** Native Pixel Data: with a known size, the declared length must fit in the object. */
    private P10Verdict checkNative(PixelDataHeader pixels) {
        long end = pixels.valueOffset() + pixels.length();
        if (pixelBound < 0 || end <= pixelBound) {
            return null;
        }
        return fail(P10Reason.TRUNCATED, pixels.tag(), pixels.offset(), "Pixel Data (7FE0,0010) at offset "
                + pixels.offset() + " declares " + pixels.length() + " bytes but the object ends at byte " + size
                + " (" + (end - size) + " bytes missing)");
    }

    /**
     * Encapsulated Pixel Data (PS3.5 §A.4): the Basic Offset Table item and, when the table is within
     * the margin, the first fragment's item header must be there and fit in the object.
     */
    private P10Verdict checkEncapsulated(PixelDataHeader pixels) throws IOException {
        DicomReader.ItemHeader table = reader.readItemHeader();
        P10Verdict bad = checkItem(table, "Basic Offset Table item");
        if (bad != null || table.length() > encapsulatedMargin) {
            return bad;
        }
        reader.skip(table.length(), Tags.ITEM);
        DicomReader.ItemHeader first = reader.readItemHeader();
        if (first.tag() == Tags.SEQUENCE_DELIMITATION_ITEM) {
            return fail(P10Reason.MALFORMED, Tags.PIXEL_DATA, first.offset(), "encapsulated Pixel Data (7FE0,0010)"
                    + " at offset " + pixels.offset() + " ends at offset " + first.offset() + " without a fragment");
        }
        return checkItem(first, "first fragment item");
    }

    private P10Verdict checkItem(DicomReader.ItemHeader item, String what) {
        if (item.tag() != Tags.ITEM || item.length() == UNDEFINED) {
            return fail(P10Reason.MALFORMED, item.tag(), item.offset(), "expected the " + what
                    + " (FFFE,E000) of defined length in encapsulated Pixel Data at offset " + item.offset()
                    + " but found " + Tags.toString(item.tag()));
        }
        if (pixelBound >= 0 && item.end() > pixelBound) {
            return fail(P10Reason.TRUNCATED, Tags.ITEM, item.offset(), "the " + what + " (FFFE,E000) of Pixel Data"
                    + " at offset " + item.offset() + " declares " + item.length() + " bytes but the object ends"
                    + " at byte " + size + " (" + (item.end() - size) + " bytes missing)");
        }
        return null;
    }

    private P10Verdict fromParse(DicomParseException e) {
        P10Reason reason = switch (e.kind()) {
            case EMPTY -> P10Reason.EMPTY;
            case NO_P10_HEADER -> P10Reason.NO_P10_HEADER;
            case TRUNCATED -> P10Reason.TRUNCATED;
            case MALFORMED -> P10Reason.MALFORMED;
            case LIMIT_EXCEEDED -> P10Reason.HEADER_TOO_LARGE;
        };
        String message = e.getMessage();
        if (e.tag() != -1 && !message.contains(Tags.toString(e.tag()))) {
            message += " (in element " + Tags.toString(e.tag()) + ")";
        }
        if (!message.contains("offset") && e.offset() >= 0) {
            message += " (at offset " + e.offset() + ")";
        }
        return fail(reason, e.tag(), e.offset(), message);
    }

    P10Verdict fail(P10Reason reason, int tag, long offset, String message) {
        return verdict(false, reason, tag, offset, message);
    }

    /** After an unexpected reader failure: nothing read is trusted, not even for extraction. */
    P10Verdict failUnexpectedly(long offset, RuntimeException e) {
        return new P10Verdict(false, P10Reason.MALFORMED, "internal reader error near offset " + offset + " ("
                + e.getClass().getSimpleName() + "); treated as malformed", -1, offset, counting.count(), size,
                P10Attributes.NONE);
    }

    private P10Verdict verdict(boolean compliant, P10Reason reason, int tag, long offset, String message) {
        return new P10Verdict(compliant, reason, message, tag, offset, counting.count(), size,
                P10Extract.of(meta, reader.dataset()));
    }
}
