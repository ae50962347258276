package org.ahibridge.exporting;

import org.ahibridge.dicom.Uids;
import org.ahibridge.ledger.Outcome;

/**
 * What happened to one instance (or, with null UIDs, to an image set that could not be read at all):
 * EXPORTED, SKIPPED_EXISTS or FAILED with a reason. Carries ids and UIDs only, never patient data: a
 * UID from the image set's metadata that is not a valid UID (PS3.5 §9.1) is kept out (null), since its
 * value could hold anything, and the outcome goes to the report and the audit.
 */
public record InstanceOutcome(Outcome outcome, String key, String reason, String imageSetId, Integer imageSetVersion,
        Boolean isPrimary, String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        String transferSyntaxUid, long size, String version, int frames) {

    public InstanceOutcome {
        studyInstanceUid = Uids.shown(studyInstanceUid);
        seriesInstanceUid = Uids.shown(seriesInstanceUid);
        sopInstanceUid = Uids.shown(sopInstanceUid);
        transferSyntaxUid = Uids.shown(transferSyntaxUid);
    }
}
