package org.ahibridge.dicom.codec;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;

/**
 * How the samples of one native frame are laid out (PS3.3 C.7.6.3, Image Pixel module): the frame's
 * size, its samples per pixel, the bits allocated to and stored in each sample, their signedness
 * (Pixel Representation), whether the samples are interleaved or colour-by-plane (Planar Configuration)
 * and the Photometric Interpretation. A native frame is little endian, as every native syntax is once
 * read (the project's model keeps binary values little endian).
 */
public record FrameLayout(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
        boolean signed, boolean planar, String photometricInterpretation) {

    /** The layout the data set's Image Pixel attributes describe; absent optional values take their defaults. */
    public static FrameLayout of(Attributes dataset) {
        int bitsAllocated = dataset.getInt(Tags.BITS_ALLOCATED, 0);
        String photometric = dataset.getString(Tags.PHOTOMETRIC_INTERPRETATION);
        return new FrameLayout(dataset.getInt(Tags.ROWS, 0), dataset.getInt(Tags.COLUMNS, 0),
                dataset.getInt(Tags.SAMPLES_PER_PIXEL, 1), bitsAllocated,
                dataset.getInt(Tags.BITS_STORED, bitsAllocated), dataset.getInt(Tags.PIXEL_REPRESENTATION, 0) == 1,
                dataset.getInt(Tags.PLANAR_CONFIGURATION, 0) == 1,
                photometric == null ? "" : photometric.strip());
    }

    /** A single-sample (monochrome) layout, for tests and callers without a data set. */
    public static FrameLayout monochrome(int rows, int columns, int bitsAllocated, int bitsStored, boolean signed) {
        return new FrameLayout(rows, columns, 1, bitsAllocated, bitsStored, signed, false, "MONOCHROME2");
    }

    /** Samples in one frame: Rows x Columns x Samples per Pixel. */
    public long samples() {
        return (long) rows * columns * samplesPerPixel;
    }

    /** Bytes of one native frame whose samples fill whole bytes (Bits Allocated 8 or 16). */
    public long frameBytes() {
        return samples() * (bitsAllocated / 8);
    }

    /**
     * Why the lossless codecs cannot take frames of this layout, or null when they can: 8 or 16 bits
     * allocated, 1 to 16 stored, 1 or 3 samples, full resolution in every component (no 4:2:2 or 4:2:0).
     */
    public String unsupportedReason() {
        if (rows <= 0 || columns <= 0) {
            return "the frame has " + rows + " rows and " + columns + " columns";
        }
        if (bitsAllocated != 8 && bitsAllocated != 16) {
            return "Bits Allocated is " + bitsAllocated + " (the codecs take 8 or 16)";
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated) {
            return "Bits Stored is " + bitsStored + " with Bits Allocated " + bitsAllocated;
        }
        if (samplesPerPixel != 1 && samplesPerPixel != 3) {
            return "Samples per Pixel is " + samplesPerPixel + " (the codecs take 1 or 3)";
        }
        if (photometricInterpretation.endsWith("_422") || photometricInterpretation.endsWith("_420")) {
            return "Photometric Interpretation " + photometricInterpretation + " has sub-sampled chrominance";
        }
        return null;
    }

    /**
     * Wavelet decomposition levels for a codestream of this frame: 5 (both encoders' default), fewer when
     * the smaller side is under 32 samples, so that the lowest resolution keeps at least one sample
     * ({@code 2^levels <= min(rows, columns)}). Decoders disagree on frames with more levels than that:
     * OpenJPH 0.9 decodes its own 16x16 HTJ2K frame of 5 levels wrongly.
     */
    public int waveletLevels() {
        int side = Math.min(rows, columns);
        int levels = 0;
        while (levels < 5 && (2L << levels) <= side) {
            levels++;
        }
        return levels;
    }

    /**
     * True when the codestream should carry JPEG 2000's reversible colour transform: only for YBR_RCT,
     * the one Photometric Interpretation that says so (PS3.5 §8.2.4). RGB and YBR_FULL are coded
     * component by component, so a codestream always agrees with the Photometric Interpretation kept in
     * the metadata.
     */
    public boolean reversibleColourTransform() {
        return samplesPerPixel == 3 && photometricInterpretation.equals("YBR_RCT");
    }
}
