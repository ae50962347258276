package org.ahibridge.importing;

import org.ahibridge.ledger.Batch;

/**
 * When the {@link JobDriver} asks AHI about a submitted batch's job (GetDICOMImportJob). Polling asks at
 * every step; {@link JobSignals} asks when an "Import Job Completed/Failed" event arrived for the job, or
 * when the fallback interval has passed, so a lost event only delays a batch.
 */
public interface JobChecks {

    /** True when the driver should call GetDICOMImportJob for this SUBMITTED batch now. */
    boolean due(Batch submitted);

    /** GetDICOMImportJob said the job is still running. */
    void stillRunning(Batch submitted);

    /** The batch's job output was accounted for: nothing more to follow. */
    void accounted(Batch batch);

    /** Asks at every step: the behaviour without events. */
    static JobChecks everyStep() {
        return new JobChecks() {
            @Override
            public boolean due(Batch submitted) {
                return true;
            }

            @Override
            public void stillRunning(Batch submitted) {
                // nothing to remember: the next step asks again
            }

            @Override
            public void accounted(Batch batch) {
                // nothing to forget
            }
        };
    }
}
