package org.ahibridge.emulator.ahi.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.codec.DecodedImage;
import org.ahibridge.dicom.codec.FrameDecoder;
import org.ahibridge.dicom.codec.FrameEncoder;
import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.codec.LosslessFormat;

/**
 * The storage decision for every input syntax of AWS's table (docs/aws-healthimaging.md §5.2) and each
 * storage format, with stand-in codecs (so the table is tested whatever is installed): "HTJ2K" and "J2K"
 * stores, and what the emulator keeps where it cannot transcode.
 */
class StoragePolicyTest {

    private static final String HT = "1.2.840.10008.1.2.4.202";
    private static final String J2K = "1.2.840.10008.1.2.4.90";

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource({
            // input syntax,          HTJ2K store,           JPEG_2000_LOSSLESS store
            "1.2.840.10008.1.2,       " + HT + ", " + J2K,
            "1.2.840.10008.1.2.1,     " + HT + ", " + J2K,
            "1.2.840.10008.1.2.1.99,  " + HT + ", " + J2K,
            "1.2.840.10008.1.2.2,     " + HT + ", " + J2K,
            "1.2.840.10008.1.2.4.50,  1.2.840.10008.1.2.4.50, 1.2.840.10008.1.2.4.50",  // stored as is
            "1.2.840.10008.1.2.4.51,  1.2.840.10008.1.2.4.51, 1.2.840.10008.1.2.4.51",  // no JPEG decoder here
            "1.2.840.10008.1.2.4.57,  1.2.840.10008.1.2.4.57, 1.2.840.10008.1.2.4.57",  // no JPEG decoder here
            "1.2.840.10008.1.2.4.70,  1.2.840.10008.1.2.4.70, 1.2.840.10008.1.2.4.70",  // no JPEG decoder here
            "1.2.840.10008.1.2.4.80,  1.2.840.10008.1.2.4.80, 1.2.840.10008.1.2.4.80",  // no JPEG-LS decoder here
            "1.2.840.10008.1.2.4.81,  1.2.840.10008.1.2.4.81, 1.2.840.10008.1.2.4.81",  // no JPEG-LS decoder here
            "1.2.840.10008.1.2.4.90,  " + HT + ", " + J2K,
            "1.2.840.10008.1.2.4.91,  1.2.840.10008.1.2.4.91, 1.2.840.10008.1.2.4.91",  // stored as is
            "1.2.840.10008.1.2.4.92,  " + HT + ", " + J2K,
            "1.2.840.10008.1.2.4.93,  " + HT + ", " + J2K,
            "1.2.840.10008.1.2.4.201, " + HT + ", " + J2K,
            "1.2.840.10008.1.2.4.202, " + HT + ", " + J2K,
            "1.2.840.10008.1.2.4.203, 1.2.840.10008.1.2.4.203, 1.2.840.10008.1.2.4.203", // stored as is
            "1.2.840.10008.1.2.5,     " + HT + ", " + J2K,
            "1.2.840.10008.1.2.4.102, 1.2.840.10008.1.2.4.102, 1.2.840.10008.1.2.4.102", // video: as is
            "1.2.840.10008.1.2.4.112, 1.2.840.10008.1.2.4.112, 1.2.840.10008.1.2.4.112", // JPEG XL: as is
    })
    void shouldStoreEachInputSyntaxAsTheTableSays(String input, String htj2kStore, String j2kStore) {
        Attributes image = image(16, 1, "MONOCHROME2");
        assertThat(policy(LosslessFormat.HTJ2K).forInstance(input, image, true).storedSyntax()).isEqualTo(htj2kStore);
        assertThat(policy(LosslessFormat.JPEG_2000).forInstance(input, image, true).storedSyntax()).isEqualTo(j2kStore);
    }

    @Test
    void shouldSayTheChecksumsCoverDecodedPixelsOnlyWhereTheyDo() {
        Attributes image = image(16, 1, "MONOCHROME2");
        StoragePolicy policy = policy(LosslessFormat.HTJ2K);
        assertThat(policy.forInstance("1.2.840.10008.1.2.1", image, true).checksumType()).isEqualTo("DECOMPRESSED");
        assertThat(policy.forInstance("1.2.840.10008.1.2.5", image, true).checksumType()).isEqualTo("DECOMPRESSED");
        assertThat(policy.forInstance("1.2.840.10008.1.2.4.50", image, true).checksumType()).isNull();
        assertThat(new StoragePolicy(LosslessFormat.HTJ2K, null, null)
                .forInstance("1.2.840.10008.1.2.1", image, true).checksumType()).isEqualTo("DECOMPRESSED");
    }

    @Test
    void shouldKeepWhatTheCodecsCannotTakeAsItCame() {
        StoragePolicy policy = policy(LosslessFormat.HTJ2K);
        String explicit = "1.2.840.10008.1.2.1";
        assertThat(policy.forInstance("1.2.840.10008.1.2", image(1, 1, "MONOCHROME2"), true).storedSyntax())
                .as("Bits Allocated 1 (binary segmentation)").isEqualTo(explicit);
        assertThat(policy.forInstance(explicit, image(32, 1, "MONOCHROME2"), true).storedSyntax())
                .as("32-bit").isEqualTo(explicit);
        assertThat(policy.forInstance(explicit, image(8, 3, "YBR_FULL_422"), true).storedSyntax())
                .as("4:2:2").isEqualTo(explicit);
        assertThat(policy.forInstance("1.2.840.10008.1.2.5", image(32, 3, "RGB"), true).storedSyntax())
                .as("32-bit RLE").isEqualTo("1.2.840.10008.1.2.5");
        assertThat(policy.forInstance("1.2.840.10008.1.2.2", image(16, 1, "MONOCHROME2"), false).storedSyntax())
                .as("no pixels").isEqualTo(explicit);
        assertThat(policy.forInstance(explicit, image(8, 3, "YBR_FULL"), true).storedSyntax())
                .as("YBR_FULL is transcoded").isEqualTo(HT);
        assertThat(new StoragePolicy(LosslessFormat.HTJ2K, null, decoder())
                .forInstance(explicit, image(16, 1, "MONOCHROME2"), true).storedSyntax())
                .as("no encoder installed").isEqualTo(explicit);
        assertThat(new StoragePolicy(LosslessFormat.HTJ2K, encoder(LosslessFormat.HTJ2K), null)
                .forInstance(J2K, image(16, 1, "MONOCHROME2"), true).storedSyntax())
                .as("no decoder installed").isEqualTo(J2K);
    }

    private static StoragePolicy policy(LosslessFormat format) {
        return new StoragePolicy(format, encoder(format), decoder());
    }

    private static FrameEncoder encoder(LosslessFormat format) {
        return new FrameEncoder() {
            @Override
            public LosslessFormat format() {
                return format;
            }

            @Override
            public byte[] encode(byte[] frame, FrameLayout layout) {
                return frame;
            }
        };
    }

    private static FrameDecoder decoder() {
        return codestream -> new DecodedImage(java.util.List.of());
    }

    private static Attributes image(int bits, int samples, String photometric) {
        return new Attributes().setInts(Tags.ROWS, VR.US, 4).setInts(Tags.COLUMNS, VR.US, 4)
                .setInts(Tags.SAMPLES_PER_PIXEL, VR.US, samples)
                .setString(Tags.PHOTOMETRIC_INTERPRETATION, VR.CS, photometric)
                .setInts(Tags.BITS_ALLOCATED, VR.US, bits).setInts(Tags.BITS_STORED, VR.US, bits);
    }
}
