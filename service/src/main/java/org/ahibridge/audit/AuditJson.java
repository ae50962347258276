package org.ahibridge.audit;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

/** Writes an {@link AuditRecord} as one JSON object with stable field names (the audit line format). */
final class AuditJson {

    private AuditJson() {
    }

    static void write(JsonGenerator out, AuditRecord r) throws IOException {
        out.writeStartObject();
        out.writeStringField("time", r.time() == null ? null : r.time().toString());
        out.writeStringField("runId", r.runId());
        out.writeStringField("storage", r.storage());
        out.writeStringField("key", r.key());
        out.writeStringField("version", r.version());
        out.writeNumberField("size", r.size());
        out.writeStringField("datastore", r.datastore());
        out.writeStringField("outcome", r.outcome() == null ? null : r.outcome().name());
        out.writeStringField("reason", r.reason());
        out.writeStringField("batchId", r.batchId());
        out.writeStringField("stagingKey", r.stagingKey());
        out.writeStringField("jobId", r.jobId());
        out.writeStringField("imageSetId", r.imageSetId());
        if (r.imageSetVersion() == null) {
            out.writeNullField("imageSetVersion");
        } else {
            out.writeNumberField("imageSetVersion", r.imageSetVersion());
        }
        if (r.isPrimary() == null) {
            out.writeNullField("isPrimary");
        } else {
            out.writeBooleanField("isPrimary", r.isPrimary());
        }
        out.writeStringField("sopInstanceUID", r.sopInstanceUid());
        out.writeStringField("studyInstanceUID", r.studyInstanceUid());
        out.writeStringField("seriesInstanceUID", r.seriesInstanceUid());
        out.writeStringField("transferSyntaxUID", r.transferSyntaxUid());
        out.writeNumberField("attempts", r.attempts());
        if (!r.labels().isEmpty()) {
            // Only when a route labelled the object, so the lines of every other record keep their fields.
            out.writeObjectFieldStart("labels");
            for (var label : new java.util.TreeMap<>(r.labels()).entrySet()) {
                out.writeStringField(label.getKey(), label.getValue());
            }
            out.writeEndObject();
        }
        out.writeEndObject();
    }
}
