package org.ahibridge.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.VR;
import org.ahibridge.samples.SampleStudies;

/**
 * Small synthetic images of a chosen modality and pixel size (the samples are all 16x16 CT), for rules on
 * the modality and for files over a size limit. Identifiers are synthetic.
 */
public final class ModalityImages {

    private ModalityImages() {
    }

    /** A P10 file of one instance, {@code side} x {@code side} 16-bit pixels; unique per (seed, number). */
    public static byte[] image(long seed, int number, String modality, int side) {
        Attributes data = new Attributes();
        data.setString(Tags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7"); // Secondary Capture: any modality
        data.setString(Tags.SOP_INSTANCE_UID, VR.UI, SampleStudies.uid(seed, 0, 1, number));
        data.setString(Tags.STUDY_DATE, VR.DA, "20240105");
        data.setString(Tags.MODALITY, VR.CS, modality);
        data.setString(Tags.PATIENT_ID, VR.LO, "SAMPLE-" + seed);
        data.setString(Tags.STUDY_INSTANCE_UID, VR.UI, SampleStudies.uid(seed, 0, 0, 0));
        data.setString(Tags.SERIES_INSTANCE_UID, VR.UI, SampleStudies.uid(seed, 0, 1, 0));
        data.setString(Tags.SERIES_NUMBER, VR.IS, "1");
        data.setString(Tags.INSTANCE_NUMBER, VR.IS, Integer.toString(number));
        data.setInts(Tags.SAMPLES_PER_PIXEL, VR.US, 1);
        data.setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2");
        data.setInts(Tags.ROWS, VR.US, side);
        data.setInts(Tags.COLUMNS, VR.US, side);
        data.setInts(Tags.BITS_ALLOCATED, VR.US, 16);
        data.setInts(Tags.BITS_STORED, VR.US, 12);
        data.setInts(Tags.HIGH_BIT, VR.US, 11);
        data.setInts(Tags.PIXEL_REPRESENTATION, VR.US, 0);
        byte[] pixels = new byte[side * side * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            pixels[i] = (byte) (i + number);
        }
        data.setBytes(Tags.PIXEL_DATA, VR.OW, pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length + 1024);
        try {
            DicomWriter.write(out, data, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
