package org.ahibridge.audit;

import java.time.Instant;
import java.util.Map;

import org.ahibridge.dicom.Uids;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.SourceObject;

/**
 * One audit line: one file, one outcome (docs/design.md §3). It joins the whole trail of a file (source
 * object, staging key, import job, image set and version, isPrimary) and carries UIDs, ids and reasons
 * only: by construction there is no field for patient names, IDs or birth dates. A UID that is not a
 * valid UID (PS3.5 §9.1) is kept out (null): its value could be anything a broken length field pulled
 * in, patient data included. {@code labels} are what a route set on the object's message (headers
 * {@code AhiBridgeLabel.<name>}); empty for most records.
 */
public record AuditRecord(Instant time, String runId, String storage, String key, String version, long size,
        String datastore, Outcome outcome, String reason, String batchId, String stagingKey, String jobId,
        String imageSetId, Integer imageSetVersion, Boolean isPrimary, String sopInstanceUid,
        String studyInstanceUid, String seriesInstanceUid, String transferSyntaxUid, int attempts,
        Map<String, String> labels) {

    /** A record without labels. */
    public AuditRecord(Instant time, String runId, String storage, String key, String version, long size,
            String datastore, Outcome outcome, String reason, String batchId, String stagingKey, String jobId,
            String imageSetId, Integer imageSetVersion, Boolean isPrimary, String sopInstanceUid,
            String studyInstanceUid, String seriesInstanceUid, String transferSyntaxUid, int attempts) {
        this(time, runId, storage, key, version, size, datastore, outcome, reason, batchId, stagingKey, jobId,
                imageSetId, imageSetVersion, isPrimary, sopInstanceUid, studyInstanceUid, seriesInstanceUid,
                transferSyntaxUid, attempts, Map.of());
    }

    public AuditRecord {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        sopInstanceUid = Uids.shown(sopInstanceUid);
        studyInstanceUid = Uids.shown(studyInstanceUid);
        seriesInstanceUid = Uids.shown(seriesInstanceUid);
        transferSyntaxUid = Uids.shown(transferSyntaxUid);
    }

    /** This record with the labels a route gave the object (headers AhiBridgeLabel.*). */
    public AuditRecord withLabels(Map<String, String> objectLabels) {
        return new AuditRecord(time, runId, storage, key, version, size, datastore, outcome, reason, batchId,
                stagingKey, jobId, imageSetId, imageSetVersion, isPrimary, sopInstanceUid, studyInstanceUid,
                seriesInstanceUid, transferSyntaxUid, attempts, objectLabels);
    }

    /** The record for an outcome of {@code object} as reported by {@code runId}. */
    public static AuditRecord of(Instant time, String runId, SourceObject object, Outcome outcome, String reason) {
        var verdict = object.verdict();
        return new AuditRecord(time, runId, object.storage(), object.key(), object.version(), object.size(),
                object.datastore(), outcome, reason, object.batchId(), object.stagingKey(), object.jobId(),
                object.imageSetId(), object.imageSetVersion(), object.isPrimary(),
                verdict == null ? null : verdict.sopInstanceUid(), verdict == null ? null : verdict.studyInstanceUid(),
                verdict == null ? null : verdict.seriesInstanceUid(), verdict == null ? null : verdict.transferSyntaxUid(),
                object.attempts());
    }
}
