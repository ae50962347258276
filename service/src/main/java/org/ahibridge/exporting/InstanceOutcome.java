package org.ahibridge.exporting;

import org.ahibridge.ledger.Outcome;

/**
 * What happened to one instance (or, with null UIDs, to an image set that could not be read at all):
 * EXPORTED, SKIPPED_EXISTS or FAILED with a reason. Carries ids and UIDs only, never patient data.
 */
public record InstanceOutcome(Outcome outcome, String key, String reason, String imageSetId, Integer imageSetVersion,
        Boolean isPrimary, String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        String transferSyntaxUid, long size, String version, int frames) {
}
