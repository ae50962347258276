package org.ahibridge.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

/**
 * A small synthetic CT image (PS3.3 §A.3, 16x16 pixels of 16-bit MONOCHROME2) written as a Part 10 file
 * by the project's own {@link DicomWriter}: the sample data of the embedded-default walk-through and of
 * the end-to-end tests. Identifiers are synthetic ({@code SAMPLE-...}), never real patient data.
 */
public record SampleInstance(String studyUid, String seriesUid, String sopUid, String patientId, int seriesNumber,
        int instanceNumber, String transferSyntaxUid) {

    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    static final int SIZE = 16;

    public byte[] toBytes() {
        Attributes data = new Attributes();
        data.setString(Tags.SOP_CLASS_UID, VR.UI, CT_IMAGE_STORAGE);
        data.setString(Tags.SOP_INSTANCE_UID, VR.UI, sopUid);
        data.setString(Tags.STUDY_DATE, VR.DA, "20240105");
        data.setString(Tags.ACCESSION_NUMBER, VR.SH, "SAMPLE-ACC");
        data.setString(Tags.MODALITY, VR.CS, "CT");
        data.setString(Tags.PATIENT_NAME, VR.PN, "SAMPLE^PATIENT");
        data.setString(Tags.PATIENT_ID, VR.LO, patientId);
        data.setString(Tags.STUDY_INSTANCE_UID, VR.UI, studyUid);
        data.setString(Tags.SERIES_INSTANCE_UID, VR.UI, seriesUid);
        data.setString(Tags.STUDY_ID, VR.SH, "1");
        data.setString(Tags.SERIES_NUMBER, VR.IS, Integer.toString(seriesNumber));
        data.setString(Tags.INSTANCE_NUMBER, VR.IS, Integer.toString(instanceNumber));
        data.setInts(Tags.SAMPLES_PER_PIXEL, VR.US, 1);
        data.setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2");
        data.setInts(Tags.ROWS, VR.US, SIZE);
        data.setInts(Tags.COLUMNS, VR.US, SIZE);
        data.setInts(Tags.BITS_ALLOCATED, VR.US, 16);
        data.setInts(Tags.BITS_STORED, VR.US, 12);
        data.setInts(Tags.HIGH_BIT, VR.US, 11);
        data.setInts(Tags.PIXEL_REPRESENTATION, VR.US, 0);
        byte[] pixels = new byte[SIZE * SIZE * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            pixels[i] = (byte) (i + instanceNumber);
            pixels[i + 1] = (byte) ((i >>> 5) & 0x0F);
        }
        data.setBytes(Tags.PIXEL_DATA, VR.OW, pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            DicomWriter.write(out, data, transferSyntaxUid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
