package org.ahibridge.dicom.p10;

/**
 * The attributes a classification extracts for routing, filters and audit. Any may be null when the
 * object does not carry it or the header could not be read that far. UIDs, the modality and the study
 * date are also null when their value breaks their value representation (a UID not valid under PS3.5
 * §9.1, for instance): a broken length field can pull the following elements, patient data included,
 * into such a value, and these attributes are printed, set as headers and audited.
 *
 * <p>{@code patientId} and {@code accessionNumber} identify a patient: they may drive filters, but
 * never go to logs or audit lines, and {@link #toString()} leaves them out.
 */
public record P10Attributes(String transferSyntaxUid, String sopClassUid, String sopInstanceUid,
        String studyInstanceUid, String seriesInstanceUid, String modality, String patientId,
        String accessionNumber, String studyDate, Integer seriesNumber, Integer numberOfFrames) {

    /** No attribute known (the object could not be read past its start). */
    public static final P10Attributes NONE =
            new P10Attributes(null, null, null, null, null, null, null, null, null, null, null);

    @Override
    public String toString() {
        return "P10Attributes[transferSyntaxUid=" + transferSyntaxUid + ", sopClassUid=" + sopClassUid
                + ", sopInstanceUid=" + sopInstanceUid + ", studyInstanceUid=" + studyInstanceUid
                + ", seriesInstanceUid=" + seriesInstanceUid + ", modality=" + modality + ", studyDate=" + studyDate
                + ", seriesNumber=" + seriesNumber + ", numberOfFrames=" + numberOfFrames + "]";
    }
}
