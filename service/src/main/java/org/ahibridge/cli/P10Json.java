package org.ahibridge.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ahibridge.audit.JsonLines;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.Uids;
import org.ahibridge.dicom.p10.P10Attributes;
import org.ahibridge.dicom.p10.P10Verdict;

/**
 * The output lines of {@code p10 check}: a JSON object per file (fields of DESIGN.md §6 plus a few
 * routing attributes) or a readable line. Patient ID and Accession Number are left out: the output
 * ends up in terminals, CI logs and tickets. A UID is printed only when it is a valid UID (else null,
 * and the verdict's reason or message says INVALID_UID or why): a broken length field can pull patient
 * data into a UID value. JSON follows {@link JsonLines}, so one file is always one line; the readable
 * line shows control and line-breaking characters of a path as '?'.
 */
final class P10Json {

    private static final ObjectMapper MAPPER = JsonLines.mapper();

    private P10Json() {
    }

    static String line(Path file, P10Verdict verdict) {
        P10Attributes a = verdict.attributes();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("path", file.toString());
        fields.put("compliant", verdict.compliant());
        fields.put("reason", verdict.reasonCode());
        fields.put("message", verdict.message());
        fields.put("transferSyntaxUID", Uids.shown(a.transferSyntaxUid()));
        fields.put("sopClassUID", Uids.shown(a.sopClassUid()));
        fields.put("sopInstanceUID", Uids.shown(a.sopInstanceUid()));
        fields.put("studyInstanceUID", Uids.shown(a.studyInstanceUid()));
        fields.put("seriesInstanceUID", Uids.shown(a.seriesInstanceUid()));
        fields.put("modality", a.modality());
        fields.put("studyDate", a.studyDate());
        fields.put("seriesNumber", a.seriesNumber());
        fields.put("numberOfFrames", a.numberOfFrames());
        fields.put("size", verdict.size());
        fields.put("bytesRead", verdict.bytesRead());
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }

    static String text(Path file, P10Verdict verdict) {
        if (verdict.compliant()) {
            return "OK    " + printable(file) + "  " + TransferSyntax.nameOf(verdict.attributes().transferSyntaxUid())
                    + ", read " + verdict.bytesRead() + " of " + verdict.size() + " bytes";
        }
        return "FAIL  " + printable(file) + "  " + verdict.reasonCode() + ": " + verdict.message();
    }

    // A file name can hold terminal escapes or line breaks; the readable line is for people, not parsing.
    private static String printable(Path file) {
        StringBuilder out = new StringBuilder();
        file.toString().codePoints().forEach(c -> out.append(Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                ? "?" : Character.toString(c)));
        return out.toString();
    }
}
