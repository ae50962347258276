package org.ahibridge.audit;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An audit line could not be written (a full disk, a missing permission). The run must stop: going on would
 * record outcomes nobody can audit. The file keeps only whole lines; the ledger keeps the outcome, and the next
 * run writes the missing lines ({@link AuditCompletion}).
 */
public final class AuditWriteException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    public AuditWriteException(String message, IOException cause) {
        super(message, cause);
    }
}
