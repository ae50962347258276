package org.ahibridge.importing;

import org.ahibridge.ledger.SourceObject;

/**
 * What an import job's output says about one staged file: imported (with its image set), imported
 * with warnings, failed for good (a customer error, or never reported), or to be retried in a new
 * batch (a server error with attempts left).
 */
public record FileResolution(SourceObject file, Result result, String reason, String imageSetId,
        Integer imageSetVersion, Boolean isPrimary) {

    public enum Result {
        IMPORTED,
        IMPORTED_WITH_WARNINGS,
        FAILED,
        RETRY
    }

    /** True when AHI put the instance into a non-primary image set (docs/aws-healthimaging.md §7.1). */
    public boolean isNonPrimary() {
        return Boolean.FALSE.equals(isPrimary);
    }
}
