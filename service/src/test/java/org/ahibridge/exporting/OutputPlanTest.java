package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.codec.FrameDecoder;
import org.ahibridge.dicom.json.AhiMetadataFrame;
import org.ahibridge.dicom.json.AhiMetadataInstance;

/**
 * What a file decoded to explicit VR little endian says about its pixels: the Image Pixel attributes made
 * consistent with native frames, and a clear refusal for what cannot be decoded or has no decoder.
 */
class OutputPlanTest {

    /** Never called: the plan only chooses; {@link DecodedFrames} decodes. */
    static final FrameDecoder DECODER = codestream -> {
        throw new AssertionError("not decoding in a plan");
    };

    private static AhiMetadataInstance instance(String storedSyntax, int samples, String photometric) {
        Attributes dataset = new Attributes();
        dataset.setInts(Tags.SAMPLES_PER_PIXEL, VR.US, samples);
        dataset.setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, photometric);
        dataset.setInts(Tags.ROWS, VR.US, 4);
        dataset.setInts(Tags.COLUMNS, VR.US, 4);
        dataset.setInts(Tags.BITS_ALLOCATED, VR.US, 8);
        dataset.setInts(0x00280101, VR.US, 8);
        dataset.setInts(0x00280102, VR.US, 7);
        dataset.setInts(0x00280103, VR.US, 0);
        return new AhiMetadataInstance("1.2", "1.2.3", "1.2.3.4", new Attributes(), dataset, storedSyntax,
                List.of(new AhiMetadataFrame("f1", 20, -1, 4, 4, null, null)), VR.OB);
    }

    @Test
    void shouldDescribeDecodedColourFramesAsRgbWithAPlanarConfiguration() {
        OutputPlan plan = OutputPlan.of(instance(TransferSyntax.HTJ2K_LOSSLESS_RPCL, 3, "YBR_RCT"),
                OutputSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DECODER);

        assertThat(plan.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(plan.nativePixels()).isTrue();
        assertThat(plan.decoded()).isTrue();
        assertThat(plan.nativeFrameSize()).isEqualTo(4 * 4 * 3);
        assertThat(plan.dataset().getString(Tags.PHOTOMETRIC_INTERPRETATION)).isEqualTo("RGB");
        assertThat(plan.dataset().getInt(Tags.PLANAR_CONFIGURATION, -1)).isZero();
    }

    @Test
    void shouldKeepTheLossyFlagOfALossyStoredSyntax() {
        OutputPlan plan = OutputPlan.of(instance(TransferSyntax.HTJ2K, 1, "MONOCHROME2"),
                OutputSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DECODER);

        assertThat(plan.dataset().getString(0x00282110)).isEqualTo("01");
        assertThat(plan.dataset().get(Tags.PLANAR_CONFIGURATION)).isNull();
    }

    @Test
    void shouldWriteStoredAndNativeFramesAsTheyAre() {
        AhiMetadataInstance htj2k = instance(TransferSyntax.HTJ2K_LOSSLESS_RPCL, 1, "MONOCHROME2");
        AhiMetadataInstance nativeFrames = instance(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, 1, "MONOCHROME2");

        OutputPlan stored = OutputPlan.of(htj2k, OutputSyntax.STORED, null);
        OutputPlan alreadyNative = OutputPlan.of(nativeFrames, OutputSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null);

        assertThat(stored.transferSyntax()).isEqualTo(TransferSyntax.HTJ2K_LOSSLESS_RPCL);
        assertThat(stored.dataset()).isSameAs(htj2k.dataset());
        assertThat(stored.nativePixels()).isFalse();
        assertThat(alreadyNative.frames()).isSameAs(FrameOutput.STORED);
        assertThat(alreadyNative.decoded()).isFalse();
    }

    @Test
    void shouldRefuseWhatItCannotDecodeSayingWhy() {
        assertThatThrownBy(() -> OutputPlan.of(instance(TransferSyntax.JPEG_BASELINE, 3, "YBR_FULL_422"),
                OutputSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DECODER)).hasMessageContaining("JPEG Baseline")
                .hasMessageContaining("--transfer-syntax stored");
        assertThatThrownBy(() -> OutputPlan.of(instance(TransferSyntax.HTJ2K_LOSSLESS_RPCL, 1, "MONOCHROME2"),
                OutputSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null)).hasMessageContaining("libopenjp2-7");
    }
}
