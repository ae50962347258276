package org.ahibridge.emulator.dicomweb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.VR;

/** Small made-up Part 10 files for the DICOMweb tests, and STOW-RS bodies made of them. */
final class TestInstances {

    static final int ROWS = 16;
    static final int COLUMNS = 12;

    private TestInstances() {
    }

    /** A native 16-bit MONOCHROME2 image of random (seeded) pixels, {@code frames} frames. */
    static Attributes image(String studyUid, String seriesUid, String sopUid, String patientId, int frames, long seed) {
        Attributes dataset = new Attributes();
        dataset.setString(Tags.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        dataset.setString(Tags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.4");
        dataset.setString(Tags.SOP_INSTANCE_UID, VR.UI, sopUid);
        dataset.setString(Tags.STUDY_DATE, VR.DA, "20240315");
        dataset.setString(Tags.STUDY_TIME, VR.TM, "093000");
        dataset.setString(Tags.MODALITY, VR.CS, "MR");
        dataset.setString(Tags.STUDY_DESCRIPTION, VR.LO, "Knee");
        dataset.setString(Tags.PATIENT_NAME, VR.PN, "Müller^Anna");
        dataset.setString(Tags.PATIENT_ID, VR.LO, patientId);
        dataset.setString(Tags.STUDY_INSTANCE_UID, VR.UI, studyUid);
        dataset.setString(Tags.SERIES_INSTANCE_UID, VR.UI, seriesUid);
        dataset.setString(Tags.SERIES_NUMBER, VR.IS, "1");
        dataset.setString(Tags.INSTANCE_NUMBER, VR.IS, "1");
        dataset.setInts(Tags.SAMPLES_PER_PIXEL, VR.US, 1);
        dataset.setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2");
        dataset.setString(Tags.NUMBER_OF_FRAMES, VR.IS, Integer.toString(frames));
        dataset.setInts(Tags.ROWS, VR.US, ROWS);
        dataset.setInts(Tags.COLUMNS, VR.US, COLUMNS);
        dataset.setInts(Tags.BITS_ALLOCATED, VR.US, 16);
        dataset.setInts(Tags.BITS_STORED, VR.US, 12);
        dataset.setInts(Tags.HIGH_BIT, VR.US, 11);
        dataset.setInts(Tags.PIXEL_REPRESENTATION, VR.US, 0);
        byte[] pixels = new byte[frames * ROWS * COLUMNS * 2];
        Random random = new Random(seed);
        for (int i = 0; i < pixels.length; i += 2) {
            int value = random.nextInt(4096);
            pixels[i] = (byte) value;
            pixels[i + 1] = (byte) (value >>> 8);
        }
        dataset.setBytes(Tags.PIXEL_DATA, VR.OW, pixels);
        return dataset;
    }

    /** A 1-bit image of {@code rows x columns} pixels per frame, packed across byte boundaries (PS3.5 §8.1.1). */
    static Attributes packedBits(String studyUid, String seriesUid, String sopUid, int rows, int columns, int frames,
            long seed) {
        Attributes dataset = image(studyUid, seriesUid, sopUid, "P1", frames, seed);
        dataset.setString(Tags.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.66.4");
        dataset.setInts(Tags.ROWS, VR.US, rows);
        dataset.setInts(Tags.COLUMNS, VR.US, columns);
        dataset.setInts(Tags.BITS_ALLOCATED, VR.US, 1);
        dataset.setInts(Tags.BITS_STORED, VR.US, 1);
        dataset.setInts(Tags.HIGH_BIT, VR.US, 0);
        byte[] pixels = new byte[(int) (((long) rows * columns * frames + 15) / 16 * 2)];
        new Random(seed).nextBytes(pixels);
        dataset.setBytes(Tags.PIXEL_DATA, VR.OB, pixels);
        return dataset;
    }

    static byte[] file(Attributes dataset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomWriter.write(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A STOW-RS body: each part with its Content-Type, in order. */
    static byte[] multipart(String boundary, Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            String type = part.getKey().replaceFirst("#\\d+$", "");
            out.writeBytes(("--" + boundary + "\r\nContent-Type: " + type + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(part.getValue());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Parts keyed by Content-Type, made unique by a {@code #n} suffix that {@link #multipart} drops. */
    static Map<String, byte[]> parts(Object... typeThenBytes) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (int i = 0; i < typeThenBytes.length; i += 2) {
            parts.put(typeThenBytes[i] + "#" + i, (byte[]) typeThenBytes[i + 1]);
        }
        return parts;
    }

    static String multipartType(String boundary) {
        return "multipart/related; type=\"application/dicom\"; boundary=" + boundary;
    }

    static List<byte[]> frames(Attributes dataset) {
        byte[] pixels = dataset.getBytes(Tags.PIXEL_DATA);
        int size = ROWS * COLUMNS * 2;
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i + size <= pixels.length; i += size) {
            frames.add(java.util.Arrays.copyOfRange(pixels, i, i + size));
        }
        return frames;
    }
}
