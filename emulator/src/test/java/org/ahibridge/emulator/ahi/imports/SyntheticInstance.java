package org.ahibridge.emulator.ahi.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomWriter;
import org.ahibridge.dicom.FileMetaInformation;
import org.ahibridge.dicom.FragmentSink;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

/**
 * A small made-up image as a Part 10 file, with the frames an import must store for it (little
 * endian, as AHI serves them): native 16-bit frames of random pixels, or encapsulated frames made of
 * several fragments each. Random but seeded, so a mix-up between frames cannot go unnoticed.
 *
 * @param file   the Part 10 bytes
 * @param frames the frames as the import must store them, in order
 */
public record SyntheticInstance(byte[] file, List<byte[]> frames) {

    private static final int ROWS = 16;
    private static final int COLUMNS = 24;

    /** Native OW pixels, {@code frames} frames of 16 x 24 x 16 bits, in the given native syntax. */
    public static SyntheticInstance nativePixels(String sopInstanceUid, int frames, String syntax, long seed) {
        byte[] pixels = new byte[frames * ROWS * COLUMNS * 2];
        new Random(seed).nextBytes(pixels);
        Attributes dataset = image(sopInstanceUid, frames, "1.2.840.10008.5.1.4.1.1.2");
        dataset.setBytes(Tags.PIXEL_DATA, VR.OW, pixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomWriter.write(out, dataset, syntax);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<byte[]> expected = new ArrayList<>();
        int size = ROWS * COLUMNS * 2;
        for (int i = 0; i < frames; i++) {
            expected.add(Arrays.copyOfRange(pixels, i * size, (i + 1) * size));
        }
        return new SyntheticInstance(out.toByteArray(), expected);
    }

    /**
     * Packed 1-bit pixels (Bits Allocated 1), {@code frames} frames of {@code rows x columns} bits one after
     * the other across byte boundaries (PS3.5 §8.1.1), Pixel Data of the given VR, in the given native
     * syntax. The expected frames are cut bit by bit here, each starting at bit 0 of its first byte.
     */
    public static SyntheticInstance packedBits(String sopInstanceUid, int rows, int columns, int frames, VR vr,
            String syntax, long seed) {
        long frameBits = (long) rows * columns;
        byte[] pixels = new byte[(int) ((frameBits * frames + 15) / 16 * 2)];
        new Random(seed).nextBytes(pixels);
        Attributes dataset = image(sopInstanceUid, frames, "1.2.840.10008.5.1.4.1.1.66.4");
        dataset.setInts(Tags.ROWS, VR.US, rows);
        dataset.setInts(Tags.COLUMNS, VR.US, columns);
        dataset.setInts(Tags.BITS_ALLOCATED, VR.US, 1);
        dataset.setInts(Tags.BITS_STORED, VR.US, 1);
        dataset.setInts(Tags.HIGH_BIT, VR.US, 0);
        dataset.setBytes(Tags.PIXEL_DATA, vr, pixels);
        List<byte[]> expected = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            byte[] frame = new byte[(int) ((frameBits + 7) / 8)];
            for (long b = 0; b < frameBits; b++) {
                long bit = f * frameBits + b;
                if ((pixels[(int) (bit / 8)] >> (bit % 8) & 1) != 0) {
                    frame[(int) (b / 8)] |= (byte) (1 << (b % 8));
                }
            }
            expected.add(frame);
        }
        return new SyntheticInstance(write(dataset, syntax), expected);
    }

    /**
     * YBR_FULL_422 8-bit pixels: two luminance samples, then Cb and Cr, for each pair of pixels
     * (PS3.3 C.7.6.3.1.2), so {@code rows x columns x 2} bytes per frame.
     */
    public static SyntheticInstance ybrFull422(String sopInstanceUid, int rows, int columns, int frames, String syntax,
            long seed) {
        int size = rows * columns * 2;
        byte[] pixels = new byte[frames * size];
        new Random(seed).nextBytes(pixels);
        Attributes dataset = image(sopInstanceUid, frames, "1.2.840.10008.5.1.4.1.1.7");
        dataset.setInts(Tags.ROWS, VR.US, rows);
        dataset.setInts(Tags.COLUMNS, VR.US, columns);
        dataset.setInts(Tags.SAMPLES_PER_PIXEL, VR.US, 3);
        dataset.setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, "YBR_FULL_422");
        dataset.setInts(Tags.PLANAR_CONFIGURATION, VR.US, 0);
        dataset.setInts(Tags.BITS_ALLOCATED, VR.US, 8);
        dataset.setInts(Tags.BITS_STORED, VR.US, 8);
        dataset.setInts(Tags.HIGH_BIT, VR.US, 7);
        dataset.setBytes(Tags.PIXEL_DATA, VR.OB, pixels);
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            expected.add(Arrays.copyOfRange(pixels, i * size, (i + 1) * size));
        }
        return new SyntheticInstance(write(dataset, syntax), expected);
    }

    /** The 16 x 24 x 16-bit image with the given codestreams as its frames, one fragment each, in {@code syntax}. */
    public static byte[] encapsulatedFrames(String sopInstanceUid, List<byte[]> codestreams, String syntax) {
        Attributes dataset = image(sopInstanceUid, codestreams.size(), "1.2.840.10008.5.1.4.1.1.4");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomWriter writer = new DicomWriter(out, syntax);
            writer.writeHeader(FileMetaInformation.of(dataset, syntax));
            writer.writeDataset(dataset);
            FragmentSink sink = writer.startEncapsulatedPixelData();
            for (byte[] codestream : codestreams) {
                sink.writeFragment(codestream);
            }
            sink.finish();
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] write(Attributes dataset, String syntax) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomWriter.write(out, dataset, syntax);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * RLE Lossless (the emulator does not decode, so any bytes do), each frame cut into
     * {@code fragmentsPerFrame} fragments of even, different lengths, with a Basic Offset Table.
     */
    public static SyntheticInstance encapsulated(String sopInstanceUid, int frames, int fragmentsPerFrame, long seed) {
        Random random = new Random(seed);
        List<List<byte[]>> fragments = new ArrayList<>();
        long[] offsets = new long[frames];
        long offset = 0;
        for (int f = 0; f < frames; f++) {
            offsets[f] = offset;
            List<byte[]> frame = new ArrayList<>();
            for (int i = 0; i < fragmentsPerFrame; i++) {
                byte[] fragment = new byte[2 * (50 + random.nextInt(200))];
                random.nextBytes(fragment);
                frame.add(fragment);
                offset += 8 + fragment.length;
            }
            fragments.add(frame);
        }
        Attributes dataset = image(sopInstanceUid, frames, "1.2.840.10008.5.1.4.1.1.4");
        String syntax = "1.2.840.10008.1.2.5";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DicomWriter writer = new DicomWriter(out, syntax);
            writer.writeHeader(FileMetaInformation.of(dataset, syntax));
            writer.writeDataset(dataset);
            FragmentSink sink = writer.startEncapsulatedPixelData(offsets);
            for (List<byte[]> frame : fragments) {
                for (byte[] fragment : frame) {
                    sink.writeFragment(fragment);
                }
            }
            sink.finish();
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<byte[]> expected = new ArrayList<>();
        for (List<byte[]> frame : fragments) {
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            frame.forEach(joined::writeBytes);
            expected.add(joined.toByteArray());
        }
        return new SyntheticInstance(out.toByteArray(), expected);
    }

    private static Attributes image(String sopInstanceUid, int frames, String sopClassUid) {
        Attributes dataset = new Attributes();
        dataset.setString(Tags.SOP_CLASS_UID, VR.UI, sopClassUid);
        dataset.setString(Tags.SOP_INSTANCE_UID, VR.UI, sopInstanceUid);
        dataset.setString(Tags.PATIENT_ID, VR.LO, "SYNTHETIC");
        dataset.setString(Tags.STUDY_INSTANCE_UID, VR.UI, "2.25.4400100");
        dataset.setString(Tags.SERIES_INSTANCE_UID, VR.UI, "2.25.4400100.1");
        dataset.setInts(Tags.SAMPLES_PER_PIXEL, VR.US, 1);
        dataset.setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2");
        dataset.setString(Tags.NUMBER_OF_FRAMES, VR.IS, Integer.toString(frames));
        dataset.setInts(Tags.ROWS, VR.US, ROWS);
        dataset.setInts(Tags.COLUMNS, VR.US, COLUMNS);
        dataset.setInts(Tags.BITS_ALLOCATED, VR.US, 16);
        dataset.setInts(Tags.BITS_STORED, VR.US, 16);
        dataset.setInts(Tags.HIGH_BIT, VR.US, 15);
        dataset.setInts(Tags.PIXEL_REPRESENTATION, VR.US, 0);
        return dataset;
    }
}
