package org.ahibridge.camel;

import org.ahibridge.dicom.p10.P10Attributes;
import org.ahibridge.dicom.p10.P10Verdict;
import org.apache.camel.Message;

/** Copies a verdict into {@link P10Headers}; unknown values remove the header so none is stale. */
final class P10HeaderWriter {

    private P10HeaderWriter() {
    }

    static void write(Message message, P10Verdict verdict) {
        P10Attributes a = verdict.attributes();
        set(message, P10Headers.COMPLIANT, verdict.compliant());
        set(message, P10Headers.REASON, verdict.reasonCode());
        set(message, P10Headers.MESSAGE, verdict.message());
        set(message, P10Headers.BYTES_READ, verdict.bytesRead());
        set(message, P10Headers.SIZE, verdict.size() < 0 ? null : verdict.size());
        set(message, P10Headers.TRANSFER_SYNTAX_UID, a.transferSyntaxUid());
        set(message, P10Headers.SOP_CLASS_UID, a.sopClassUid());
        set(message, P10Headers.SOP_INSTANCE_UID, a.sopInstanceUid());
        set(message, P10Headers.STUDY_INSTANCE_UID, a.studyInstanceUid());
        set(message, P10Headers.SERIES_INSTANCE_UID, a.seriesInstanceUid());
        set(message, P10Headers.MODALITY, a.modality());
        set(message, P10Headers.PATIENT_ID, a.patientId());
        set(message, P10Headers.ACCESSION_NUMBER, a.accessionNumber());
        set(message, P10Headers.STUDY_DATE, a.studyDate());
        set(message, P10Headers.SERIES_NUMBER, a.seriesNumber());
        set(message, P10Headers.NUMBER_OF_FRAMES, a.numberOfFrames());
    }

    private static void set(Message message, String name, Object value) {
        if (value == null) {
            message.removeHeader(name);
        } else {
            message.setHeader(name, value);
        }
    }
}
