package org.ahibridge.dicom.p10;

import java.nio.charset.StandardCharsets;

/**
 * P10 files whose length fields lie so that an attribute the bridge prints swallows the patient
 * module: Patient's Name {@value #NAME} and Patient ID {@value #ID}. Tests assert that these canary
 * strings appear in no output, header, message, log or audit line.
 */
public final class CanaryFiles {

    public static final String NAME = "CANARY^LEAK";
    public static final String ID = "CANARY-ID-123";
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    private CanaryFiles() {
    }

    /** SOP Instance UID (0008,0018) whose length runs over Modality, Patient's Name and Patient ID. */
    public static byte[] sopInstanceUidOverrun() {
        return withOverrun(0x00080018, "UI", "2.25.987654321012345");
    }

    /** Modality (0008,0060) whose length runs over Patient's Name and Patient ID. */
    public static byte[] modalityOverrun() {
        return withOverrun(0x00080060, "CS", "CT");
    }

    /** A Transfer Syntax UID (0002,0010) holding the canary strings, as a broken writer could leave it. */
    public static byte[] transferSyntaxWithPatientData() {
        return new P10Bytes().preamble().meta(CT, "1.2.3.4.5.6", "1.2.840." + NAME + "." + ID)
                .string(0x00080016, "UI", CT).string(0x00080018, "UI", "1.2.3.4.5.6").bytes();
    }

    // The element's declared length covers its own value plus the patient module written right after it.
    private static byte[] withOverrun(int tag, String vr, String value) {
        P10Bytes swallowed = new P10Bytes();
        if (tag < 0x00080060) {
            swallowed.string(0x00080060, "CS", "CT");
        }
        byte[] patient = swallowed.string(0x00100010, "PN", NAME).string(0x00100020, "LO", ID).bytes();
        byte[] own = value.getBytes(StandardCharsets.US_ASCII);
        P10Bytes file = new P10Bytes().preamble().meta(CT, "1.2.3.4.5.6", EXPLICIT_LE)
                .string(0x00080016, "UI", CT);
        if (tag != 0x00080018) {
            file.string(0x00080018, "UI", "1.2.3.4.5.6");
        }
        file.header(tag, vr, own.length + patient.length).raw(own).raw(patient);
        return file.string(0x0020000D, "UI", "1.2.3.4.5").string(0x0020000E, "UI", "1.2.3.4.5.1")
                .us(0x00280010, 4).us(0x00280011, 4).us(0x00280100, 16).element(0x7FE00010, "OW", new byte[32])
                .bytes();
    }
}
