package org.ahibridge.dicom.p10;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

/**
 * Issue 11: a UID (or another printed attribute) whose length field spans into the patient module held
 * the patient's name and ID, and the classifier handed them on as the attribute's value.
 */
class P10PatientDataLeakTest {

    static P10Verdict classify(byte[] bytes) throws IOException {
        return new P10Classifier().classify(new ByteArrayInputStream(bytes), bytes.length);
    }

    static void assertNoCanary(P10Verdict verdict) {
        assertThat(verdict.message()).doesNotContain("CANARY");
        assertThat(verdict.attributes().toString()).doesNotContain("CANARY");
        assertThat(verdict.toString()).doesNotContain("CANARY");
    }

    @Test
    void shouldReportAnInvalidUidWithoutItsValueWhenItsLengthSpansThePatientModule() throws IOException {
        P10Verdict verdict = classify(CanaryFiles.sopInstanceUidOverrun());

        assertThat(verdict.reason()).isEqualTo(P10Reason.INVALID_UID);
        assertThat(verdict.attributes().sopInstanceUid()).isNull();
        assertThat(verdict.attributes().studyInstanceUid()).isEqualTo("1.2.3.4.5");
        assertThat(verdict.message()).startsWith("SOPInstanceUID (0008,0018) at offset ")
                .contains("is not a valid UID (PS3.5 §9.1)");
        assertNoCanary(verdict);
    }

    @Test
    void shouldLeaveOutAModalityWhoseLengthSpansThePatientModule() throws IOException {
        P10Verdict verdict = classify(CanaryFiles.modalityOverrun());

        assertThat(verdict.compliant()).isTrue();
        assertThat(verdict.attributes().modality()).isNull();
        assertThat(verdict.attributes().sopInstanceUid()).isEqualTo("1.2.3.4.5.6");
        assertNoCanary(verdict);
    }

    @Test
    void shouldNotQuoteATransferSyntaxThatIsNotAValidUid() throws IOException {
        P10Verdict verdict = classify(CanaryFiles.transferSyntaxWithPatientData());

        assertThat(verdict.reason()).isEqualTo(P10Reason.UNSUPPORTED_TRANSFER_SYNTAX);
        assertThat(verdict.message()).contains("is not a valid UID (PS3.5 §9.1: ");
        assertThat(verdict.attributes().transferSyntaxUid()).isNull();
        assertNoCanary(verdict);
    }

    @Test
    void shouldStillQuoteAValidButUnsupportedTransferSyntax() throws IOException {
        byte[] bytes = new P10Bytes().preamble().meta(CanaryFiles.CT, "1.2.3.4.5.6", "1.2.3.4.999")
                .string(0x00080016, "UI", CanaryFiles.CT).bytes();

        assertThat(classify(bytes).message()).contains("is 1.2.3.4.999, which AWS HealthImaging");
    }
}
