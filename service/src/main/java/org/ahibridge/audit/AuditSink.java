package org.ahibridge.audit;

import java.util.List;

/**
 * Where audit records go: the JSON-lines files ({@link JsonLinesAuditSink}) and, later, an EventBridge
 * bus. Implementations must be safe to call from several threads.
 */
public interface AuditSink {

    /** Writes one record durably before returning (or throws). */
    void record(AuditRecord record);

    /** A sink that writes to every one of {@code sinks}, in order. */
    static AuditSink all(List<AuditSink> sinks) {
        List<AuditSink> copy = List.copyOf(sinks);
        return record -> copy.forEach(sink -> sink.record(record));
    }
}
