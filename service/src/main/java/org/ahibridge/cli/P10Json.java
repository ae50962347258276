package org.ahibridge.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;

import org.ahibridge.audit.JsonLines;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.Uids;
import org.ahibridge.dicom.p10.P10Attributes;
import org.ahibridge.dicom.p10.P10Verdict;

/**
 * The output lines of {@code p10 check}: a JSON object per file (fields of docs/design.md §6 plus a few
 * routing attributes) or a readable line. Patient ID and Accession Number are left out: the output
 * ends up in terminals, CI logs and tickets. A UID is printed only when it is a valid UID (else null,
 * and the verdict's reason or message says INVALID_UID or why): a broken length field can pull patient
 * data into a UID value. JSON follows {@link JsonLines}, so one file is always one line; the readable
 * line shows control and line-breaking characters of a path as '?'.
 */
final class P10Json {

    private P10Json() {
    }

    static String line(Path file, P10Verdict verdict) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JsonLines.factory().createGenerator(text)) {
            write(json, file, verdict);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }

    /**
     * Writes the object of one file (no line break): straight through a generator rather than through a
     * map and an ObjectMapper, since {@code p10 check} writes one per file, often tens of thousands.
     */
    static void write(JsonGenerator json, Path file, P10Verdict verdict) throws IOException {
        P10Attributes a = verdict.attributes();
        json.writeStartObject();
        json.writeStringField("path", file.toString());
        json.writeBooleanField("compliant", verdict.compliant());
        json.writeStringField("reason", verdict.reasonCode());
        json.writeStringField("message", verdict.message());
        json.writeStringField("transferSyntaxUID", Uids.shown(a.transferSyntaxUid()));
        json.writeStringField("sopClassUID", Uids.shown(a.sopClassUid()));
        json.writeStringField("sopInstanceUID", Uids.shown(a.sopInstanceUid()));
        json.writeStringField("studyInstanceUID", Uids.shown(a.studyInstanceUid()));
        json.writeStringField("seriesInstanceUID", Uids.shown(a.seriesInstanceUid()));
        json.writeStringField("modality", a.modality());
        json.writeStringField("studyDate", a.studyDate());
        writeNumber(json, "seriesNumber", a.seriesNumber());
        writeNumber(json, "numberOfFrames", a.numberOfFrames());
        json.writeNumberField("size", verdict.size());
        json.writeNumberField("bytesRead", verdict.bytesRead());
        json.writeEndObject();
    }

    private static void writeNumber(JsonGenerator json, String name, Integer value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
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
