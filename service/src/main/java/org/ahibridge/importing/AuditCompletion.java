package org.ahibridge.importing;

import java.util.Map;
import java.util.function.LongFunction;

import org.ahibridge.audit.AuditRecord;
import org.ahibridge.audit.AuditSink;
import org.ahibridge.audit.AuditWriteException;
import org.ahibridge.ledger.AuditBacklog;
import org.ahibridge.ledger.SourceObject;
import org.ahibridge.ledger.SourceObjects;

/**
 * Keeps the audit complete across a failed write (a full disk): the outcome is in the ledger already, so a line
 * that cannot be written goes to the {@link AuditBacklog} and the run stops; the next process writes the waiting
 * lines, with their original time, before its own first line, and only then goes on.
 */
final class AuditCompletion {

    private static final int PAGE = 500;

    private final AuditBacklog backlog;
    private final SourceObjects objects;
    private final AuditSink audit;
    private final LongFunction<Map<String, String>> labels;
    private volatile boolean completed;

    AuditCompletion(AuditBacklog backlog, SourceObjects objects, AuditSink audit,
            LongFunction<Map<String, String>> labels) {
        this.backlog = backlog;
        this.objects = objects;
        this.audit = audit;
        this.labels = labels;
    }

    /** Writes one line; when it fails for want of space, keeps it in the backlog and rethrows. */
    void write(AuditRecord record, long objectId) {
        if (!completed) {
            completeBacklog();
        }
        try {
            audit.record(record);
        } catch (AuditWriteException e) {
            completed = false; // the next line (a later step, or the next process) retries this one first
            try {
                backlog.add(new AuditBacklog.Entry(record.runId(), objectId, record.outcome(), record.reason(),
                        record.time()));
            } catch (RuntimeException ledgerFailed) {
                e.addSuppressed(ledgerFailed);
            }
            throw e;
        }
    }

    /** Writes every line the backlog holds (from an earlier process), then removes it; returns how many. */
    synchronized int completeBacklog() {
        int written = 0;
        for (var page = backlog.oldest(PAGE); !page.isEmpty(); page = backlog.oldest(PAGE)) {
            for (AuditBacklog.Entry entry : page) {
                SourceObject row = objects.find(entry.objectId()).orElseThrow();
                audit.record(AuditRecord.of(entry.recordedAt(), entry.runId(), row, entry.outcome(), entry.reason())
                        .withLabels(labels.apply(entry.objectId())));
                backlog.remove(entry);
                written++;
            }
        }
        completed = true;
        return written;
    }
}
