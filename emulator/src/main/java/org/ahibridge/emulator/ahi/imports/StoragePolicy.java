package org.ahibridge.emulator.ahi.imports;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.codec.FrameDecoder;
import org.ahibridge.dicom.codec.FrameEncoder;
import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.codec.LosslessFormat;
import org.ahibridge.dicom.codec.RleDecoder;

/**
 * Decides how an import stores each instance's frames, following AWS's transfer-syntax table
 * (docs/aws-healthimaging.md §5.2) as far as the installed codecs allow: native and lossless (and the
 * listed lossy) syntaxes are transcoded to the data store's lossless format, HTJ2K lossless RPCL or
 * JPEG 2000 lossless; JPEG baseline, JPEG 2000 lossy, HTJ2K lossy, the video syntaxes and JPEG XL are
 * stored as they are. Where the emulator cannot transcode, it keeps the frames (encapsulated ones in
 * their syntax, native ones as explicit VR little endian) and the metadata names what was stored:
 *
 * <ul>
 * <li>the encoder is not installed (said once at start-up, {@link ImportJobRunner});</li>
 * <li>the source syntax has no decoder here: JPEG (.51, .57, .70) and JPEG-LS (.80, .81);</li>
 * <li>the layout is one the codecs do not take ({@link FrameLayout#unsupportedReason()}: 32-bit,
 * sub-sampled YBR_*_422, more than 3 samples);</li>
 * <li>Bits Allocated 1: AWS keeps binary segmentations as they are, and a 1-bit image outside a
 * segmentation is kept the same way;</li>
 * <li>an instance without pixels keeps its native syntax, as the emulator always did.</li>
 * </ul>
 *
 * Each reason is logged once per run of the emulator, at INFO, so a user sees why a frame is not HTJ2K.
 */
final class StoragePolicy {

    private static final Logger LOG = LoggerFactory.getLogger(StoragePolicy.class);
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    /** The input syntaxes AWS transcodes to the storage format (§5.2); the others it stores as they are. */
    static final Set<String> TRANSCODED = Set.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.JPEG_EXTENDED, TransferSyntax.JPEG_LOSSLESS,
            TransferSyntax.JPEG_LOSSLESS_SV1, TransferSyntax.JPEG_LS_LOSSLESS, TransferSyntax.JPEG_LS_NEAR_LOSSLESS,
            TransferSyntax.JPEG_2000_LOSSLESS, TransferSyntax.JPEG_2000_MC_LOSSLESS, TransferSyntax.JPEG_2000_MC,
            TransferSyntax.HTJ2K_LOSSLESS, TransferSyntax.HTJ2K_LOSSLESS_RPCL, TransferSyntax.RLE_LOSSLESS);

    /** The encapsulated syntaxes OpenJPEG decodes. */
    private static final Set<String> JPEG_2000_FAMILY = Set.of(TransferSyntax.JPEG_2000_LOSSLESS,
            TransferSyntax.JPEG_2000_MC_LOSSLESS, TransferSyntax.JPEG_2000_MC, TransferSyntax.HTJ2K_LOSSLESS,
            TransferSyntax.HTJ2K_LOSSLESS_RPCL);

    private final LosslessFormat format;
    private final FrameEncoder encoder;
    private final FrameDecoder decoder;

    /**
     * @param encoder the encoder of {@code format}, or null when it is not installed
     * @param decoder the JPEG 2000 / HTJ2K decoder, or null when it is not installed
     */
    StoragePolicy(LosslessFormat format, FrameEncoder encoder, FrameDecoder decoder) {
        this.format = format;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** The policy of a data store's {@code losslessStorageFormat}, with the codecs installed on this machine. */
    static StoragePolicy forDatastore(String losslessStorageFormat) {
        LosslessFormat format = LosslessFormat.ofDatastore(losslessStorageFormat);
        return new StoragePolicy(format, FrameCodecs.encoder(format).orElse(null),
                FrameCodecs.decoder().orElse(null));
    }

    LosslessFormat format() {
        return format;
    }

    /** How to store the frames of an instance read in {@code sourceSyntax}. */
    InstanceStorage forInstance(String sourceSyntax, Attributes dataset, boolean hasPixels) {
        if (!hasPixels || !TRANSCODED.contains(sourceSyntax) || sourceSyntax.equals(format.transferSyntaxUid())) {
            return InstanceStorage.kept(sourceSyntax);
        }
        if (encoder == null) {
            return InstanceStorage.kept(sourceSyntax);
        }
        FrameLayout layout = FrameLayout.of(dataset);
        if (layout.bitsAllocated() == 1) {
            once("1-bit", "Frames of Bits Allocated 1 are stored as they are (AWS keeps binary segmentations so)");
            return InstanceStorage.kept(sourceSyntax);
        }
        String unsupported = layout.unsupportedReason();
        if (unsupported != null) {
            once("layout " + unsupported, "Frames are stored as they are, not as " + format.transferSyntaxUid() + ": "
                    + unsupported);
            return InstanceStorage.kept(sourceSyntax);
        }
        if (TransferSyntax.isNative(sourceSyntax)) {
            return InstanceStorage.transcodedNative(sourceSyntax, layout, encoder);
        }
        InstanceStorage.SourceDecoder source = sourceDecoder(sourceSyntax);
        if (source == null) {
            return InstanceStorage.kept(sourceSyntax);
        }
        return InstanceStorage.transcodedEncapsulated(sourceSyntax, layout, source, encoder);
    }

    private InstanceStorage.SourceDecoder sourceDecoder(String syntax) {
        if (syntax.equals(TransferSyntax.RLE_LOSSLESS)) {
            return RleDecoder::decode;
        }
        if (JPEG_2000_FAMILY.contains(syntax)) {
            if (decoder == null) {
                once("decoder", TransferSyntax.nameOf(syntax) + " frames are stored as they are: "
                        + FrameCodecs.decoderRequirement() + " is not installed");
                return null;
            }
            return decoder::decode;
        }
        once("syntax " + syntax, TransferSyntax.nameOf(syntax) + " frames are stored as they are: the emulator has "
                + "no decoder for them (AWS transcodes them to " + format.transferSyntaxUid() + ")");
        return null;
    }

    private static void once(String key, String message) {
        if (LOGGED.add(key)) {
            LOG.info(message);
        }
    }
}
