package org.ahibridge.exporting;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.codec.FrameDecoder;
import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.json.AhiMetadataInstance;

/**
 * How one instance is written: the transfer syntax, the data set (made consistent with the pixels written),
 * what happens to each frame, and whether Pixel Data is native. For decoded output the Image Pixel attributes
 * describe the native frames: YBR_RCT and YBR_ICT become RGB (decoding undoes JPEG 2000's colour transform,
 * PS3.5 §8.2.4), three-sample frames get an explicit Planar Configuration, and a lossy stored syntax keeps
 * Lossy Image Compression 01. Bits Allocated, Bits Stored, High Bit and Pixel Representation already describe
 * the decoded samples, which come out in Bits Allocated.
 */
record OutputPlan(String transferSyntax, Attributes dataset, FrameOutput frames, boolean nativePixels,
        FrameLayout layout) {

    private static final int LOSSY_IMAGE_COMPRESSION = 0x00282110;

    static OutputPlan of(AhiMetadataInstance instance, OutputSyntax syntax, FrameDecoder decoder) {
        String stored = instance.storedTransferSyntaxUid();
        boolean storedNative = TransferSyntax.isNative(stored);
        if (syntax == OutputSyntax.STORED) {
            return new OutputPlan(stored, instance.dataset(), FrameOutput.STORED, storedNative, null);
        }
        String written = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        if (storedNative || instance.frames().isEmpty()) {
            return new OutputPlan(written, instance.dataset(), FrameOutput.STORED, true, null);
        }
        if (!DecodedFrames.decodes(stored)) {
            throw new IllegalStateException("its frames are stored as " + TransferSyntax.nameOf(stored) + " ("
                    + stored + "), which this export does not decode; export it with --transfer-syntax stored");
        }
        FrameLayout layout = FrameLayout.of(instance.dataset());
        String unsupported = layout.unsupportedReason();
        if (unsupported != null) {
            throw new IllegalStateException("its frames cannot be decoded: " + unsupported);
        }
        if (decoder == null && !TransferSyntax.RLE_LOSSLESS.equals(stored)) {
            throw new IllegalStateException("decoding " + TransferSyntax.nameOf(stored) + " needs "
                    + FrameCodecs.decoderRequirement());
        }
        return new OutputPlan(written, decodedDataset(instance.dataset(), stored), DecodedFrames.of(stored, decoder,
                layout), true, layout);
    }

    private static Attributes decodedDataset(Attributes source, String stored) {
        Attributes dataset = source.copy();
        String photometric = dataset.getString(Tags.PHOTOMETRIC_INTERPRETATION);
        if (photometric != null && (photometric.strip().equals("YBR_RCT") || photometric.strip().equals("YBR_ICT"))) {
            dataset.setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, "RGB");
        }
        if (dataset.getInt(Tags.SAMPLES_PER_PIXEL, 1) == 3 && dataset.get(Tags.PLANAR_CONFIGURATION) == null) {
            dataset.setInts(Tags.PLANAR_CONFIGURATION, VR.US, 0);
        }
        boolean lossy = TransferSyntax.JPEG_2000.equals(stored) || TransferSyntax.JPEG_2000_MC.equals(stored)
                || TransferSyntax.HTJ2K.equals(stored);
        if (lossy) {
            dataset.setString(LOSSY_IMAGE_COMPRESSION, VR.CS, "01");
        }
        return dataset;
    }

    /** The bytes of one written native frame, or -1 when the data set does not say. */
    long nativeFrameSize() {
        return layout != null ? layout.frameBytes() : InstanceRebuilder.nativeFrameSize(dataset);
    }

    boolean decoded() {
        return layout != null;
    }
}
