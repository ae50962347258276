package org.ahibridge.emulator.dicomweb;

import java.io.IOException;
import java.util.Set;

import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.codec.CodecException;
import org.ahibridge.dicom.codec.FrameCodecs;
import org.ahibridge.dicom.codec.FrameDecoder;
import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.codec.RleDecoder;
import org.ahibridge.dicom.json.AhiMetadataFrame;
import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.store.AhiStore;

/**
 * The frames of an instance as a retrieve serves them: as stored, or decoded to native pixels for explicit
 * VR little endian, the syntax AWS decodes to on request (docs/aws-healthimaging.md §10). JPEG 2000 and
 * HTJ2K frames are decoded with libopenjp2 ({@link FrameCodecs#decoder()}), RLE with the project's
 * {@link RleDecoder}; native frames are stored as explicit VR little endian already. One frame is decoded
 * at a time, when it is asked for.
 */
final class ServedFrames {

    /** The encapsulated syntaxes libopenjp2 decodes. */
    private static final Set<String> JPEG_2000_FAMILY = Set.of(TransferSyntax.JPEG_2000_LOSSLESS,
            TransferSyntax.JPEG_2000, TransferSyntax.JPEG_2000_MC_LOSSLESS, TransferSyntax.JPEG_2000_MC,
            TransferSyntax.HTJ2K_LOSSLESS, TransferSyntax.HTJ2K_LOSSLESS_RPCL, TransferSyntax.HTJ2K);

    private final AhiStore store;
    private final LocatedInstance instance;
    private final String syntax;
    private final FrameLayout layout;
    private final boolean decoded;

    private ServedFrames(AhiStore store, LocatedInstance instance, String syntax) {
        this.store = store;
        this.instance = instance;
        this.syntax = syntax;
        this.layout = FrameLayout.of(instance.dataset());
        this.decoded = !syntax.equals(instance.storedSyntax());
    }

    /** The frames in {@code syntax}, which must be the stored one or one {@link #whyNot} allows. */
    static ServedFrames of(AhiStore store, LocatedInstance instance, String syntax) {
        String reason = whyNot(instance, syntax);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        return new ServedFrames(store, instance, syntax);
    }

    /**
     * Null when the instance's frames can be served in {@code syntax}: the stored syntax always, explicit VR
     * little endian when the stored frames can be decoded here; otherwise why not.
     */
    static String whyNot(LocatedInstance instance, String syntax) {
        String stored = instance.storedSyntax();
        if (syntax.equals(stored)) {
            return null;
        }
        if (!syntax.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
            return "the emulator serves an instance in its stored syntax or decoded to explicit VR little endian"
                    + " (1.2.840.10008.1.2.1), as AWS does";
        }
        if (instance.frameCount() == 0 || TransferSyntax.isNative(stored)) {
            return null;
        }
        String unsupported = FrameLayout.of(instance.dataset()).unsupportedReason();
        if (JPEG_2000_FAMILY.contains(stored)) {
            if (FrameCodecs.decoder().isEmpty()) {
                return FrameCodecs.decoderRequirement() + " is not installed, so " + TransferSyntax.nameOf(stored)
                        + " frames cannot be decoded";
            }
            return unsupported == null ? null : "its frames cannot be decoded here: " + unsupported;
        }
        if (stored.equals(TransferSyntax.RLE_LOSSLESS)) {
            return unsupported == null ? null : "its frames cannot be decoded here: " + unsupported;
        }
        return "the emulator has no decoder for " + TransferSyntax.nameOf(stored) + " (" + stored + ")";
    }

    String syntax() {
        return syntax;
    }

    /** True when the frames are decoded from their stored syntax. */
    boolean decoded() {
        return decoded;
    }

    FrameLayout layout() {
        return layout;
    }

    int count() {
        return instance.frameCount();
    }

    /** The size of frame {@code index} (from 0) as served, or -1 when only reading it would tell. */
    long size(int index) {
        if (decoded) {
            return layout.frameBytes();
        }
        return instance.metadata().frames().get(index).sizeInBytes();
    }

    /** Frame {@code index} (from 0) as served. */
    byte[] frame(int index) throws IOException {
        AhiMetadataFrame frame = instance.metadata().frames().get(index);
        byte[] stored = store.frame(frame.id());
        if (stored == null) {
            throw AhiError.internal("Frame " + frame.id() + " is missing from storage");
        }
        if (!decoded) {
            return stored;
        }
        try {
            return decode(stored);
        } catch (CodecException e) {
            throw new IOException("frame " + (index + 1) + " of instance " + instance.sopUid() + " cannot be decoded: "
                    + e.getMessage(), e);
        }
    }

    private byte[] decode(byte[] stored) throws CodecException {
        String storedSyntax = instance.storedSyntax();
        if (TransferSyntax.isNative(storedSyntax)) {
            return stored;
        }
        if (storedSyntax.equals(TransferSyntax.RLE_LOSSLESS)) {
            return RleDecoder.decode(stored, layout);
        }
        FrameDecoder decoder = FrameCodecs.decoder().orElseThrow();
        return decoder.decode(stored, layout);
    }
}
