package org.ahibridge.camel;

/**
 * Message headers the {@code p10Classifier} bean sets (see {@link P10ClassifierProcessor}), for routes to
 * filter and record on. Absent when the value is unknown. {@link #PATIENT_ID} and
 * {@link #ACCESSION_NUMBER} identify a patient: filter on them, never log or audit them.
 */
public final class P10Headers {

    /** {@code Boolean}: true when the object is a DICOM Part 10 file AWS HealthImaging can import. */
    public static final String COMPLIANT = "AhiBridgeP10Compliant";
    /** {@code String}: the {@code P10Reason} code when not compliant (e.g. {@code TRUNCATED}). */
    public static final String REASON = "AhiBridgeP10Reason";
    /** {@code String}: what and where, with tag (gggg,eeee) and byte offset; never patient data. */
    public static final String MESSAGE = "AhiBridgeP10Message";
    /** {@code Long}: bytes pulled from the body to classify it. */
    public static final String BYTES_READ = "AhiBridgeP10BytesRead";
    /** {@code Long}: the object's size when known. */
    public static final String SIZE = "AhiBridgeP10Size";
    /** {@code String}: Transfer Syntax UID (0002,0010). */
    public static final String TRANSFER_SYNTAX_UID = "AhiBridgeTransferSyntaxUid";
    /** {@code String}: SOP Class UID (0008,0016). */
    public static final String SOP_CLASS_UID = "AhiBridgeSopClassUid";
    /** {@code String}: SOP Instance UID (0008,0018). */
    public static final String SOP_INSTANCE_UID = "AhiBridgeSopInstanceUid";
    /** {@code String}: Study Instance UID (0020,000D). */
    public static final String STUDY_INSTANCE_UID = "AhiBridgeStudyInstanceUid";
    /** {@code String}: Series Instance UID (0020,000E). */
    public static final String SERIES_INSTANCE_UID = "AhiBridgeSeriesInstanceUid";
    /** {@code String}: Modality (0008,0060). */
    public static final String MODALITY = "AhiBridgeModality";
    /** {@code String}: Patient ID (0010,0020). Patient data: for filters only, never logs or audit. */
    public static final String PATIENT_ID = "AhiBridgePatientId";
    /** {@code String}: Accession Number (0008,0050). Identifies a patient's visit: never logs or audit. */
    public static final String ACCESSION_NUMBER = "AhiBridgeAccessionNumber";
    /** {@code String}: Study Date (0008,0020), YYYYMMDD. */
    public static final String STUDY_DATE = "AhiBridgeStudyDate";
    /** {@code Integer}: Series Number (0020,0011). */
    public static final String SERIES_NUMBER = "AhiBridgeSeriesNumber";
    /** {@code Integer}: Number of Frames (0028,0008). */
    public static final String NUMBER_OF_FRAMES = "AhiBridgeNumberOfFrames";

    /** Exchange property (not a header) holding the whole {@code P10Verdict} record. */
    public static final String VERDICT_PROPERTY = "AhiBridgeP10Verdict";

    private P10Headers() {
    }
}
