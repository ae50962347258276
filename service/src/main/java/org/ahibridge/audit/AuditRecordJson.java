package org.ahibridge.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * An {@link AuditRecord} as one JSON object in the audit line format, for endpoints that take text: the
 * dead-letter folder or queue of FAILED outcomes (routes/import-failed.camel.yaml), a team's wire tap.
 */
public final class AuditRecordJson {

    private AuditRecordJson() {
    }

    /** The record as the JSON object of its audit line (no line break). */
    public static String toJson(AuditRecord record) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator out = JsonLines.factory().createGenerator(text)) {
            AuditJson.write(out, record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an audit record as JSON", e);
        }
        return text.toString();
    }
}
