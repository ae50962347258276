package org.ahibridge.emulator.ahi.imports;

import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.codec.CodecException;
import org.ahibridge.dicom.codec.FrameEncoder;
import org.ahibridge.dicom.codec.FrameLayout;

/**
 * How the frames of one instance are stored, as {@link StoragePolicy} decided it, and what the metadata
 * then says: the stored transfer syntax and whether the checksums cover decoded pixels
 * ({@code ChecksumType: DECOMPRESSED}, docs/aws-healthimaging.md §4.2). Three ways:
 *
 * <ul>
 * <li>kept: encapsulated frames as they arrived (checksum of the stored bytes, no ChecksumType), or
 * native frames as explicit VR little endian (they are their own decoded pixels);</li>
 * <li>transcoded from native: each frame encoded losslessly;</li>
 * <li>transcoded from encapsulated: each frame decoded to native pixels, then encoded.</li>
 * </ul>
 */
final class InstanceStorage {

    /** Decodes a frame of the source's encapsulated syntax to native pixels of a layout. */
    @FunctionalInterface
    interface SourceDecoder {
        byte[] decode(byte[] frame, FrameLayout layout) throws CodecException;
    }

    /** A frame that could not be transcoded; the instance is then stored as it came ({@link #kept}). */
    static final class TranscodeFailure extends Exception {
        TranscodeFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * One frame ready to store.
     *
     * @param stored the bytes GetImageFrame serves
     * @param pixels the native pixels the frame decodes to (checksum, min and max), or null when unknown
     */
    record StoredFrame(byte[] stored, byte[] pixels) {
    }

    private final String sourceSyntax;
    private final String storedSyntax;
    private final boolean nativeSource;
    private final FrameLayout layout;
    private final SourceDecoder decoder;
    private final FrameEncoder encoder;

    private InstanceStorage(String sourceSyntax, String storedSyntax, boolean nativeSource, FrameLayout layout,
            SourceDecoder decoder, FrameEncoder encoder) {
        this.sourceSyntax = sourceSyntax;
        this.storedSyntax = storedSyntax;
        this.nativeSource = nativeSource;
        this.layout = layout;
        this.decoder = decoder;
        this.encoder = encoder;
    }

    /** Frames stored as they come: encapsulated in their syntax, native as explicit VR little endian. */
    static InstanceStorage kept(String sourceSyntax) {
        boolean nativeSource = TransferSyntax.isNative(sourceSyntax);
        return new InstanceStorage(sourceSyntax, nativeSource ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : sourceSyntax,
                nativeSource, null, null, null);
    }

    /** Native frames encoded by {@code encoder}. */
    static InstanceStorage transcodedNative(String sourceSyntax, FrameLayout layout, FrameEncoder encoder) {
        return new InstanceStorage(sourceSyntax, encoder.format().transferSyntaxUid(), true, layout, null, encoder);
    }

    /** Encapsulated frames decoded by {@code decoder}, then encoded by {@code encoder}. */
    static InstanceStorage transcodedEncapsulated(String sourceSyntax, FrameLayout layout, SourceDecoder decoder,
            FrameEncoder encoder) {
        return new InstanceStorage(sourceSyntax, encoder.format().transferSyntaxUid(), false, layout, decoder,
                encoder);
    }

    String sourceSyntax() {
        return sourceSyntax;
    }

    String storedSyntax() {
        return storedSyntax;
    }

    /** True when the frames are encoded on the way in. */
    boolean transcodes() {
        return encoder != null;
    }

    /** {@code DECOMPRESSED} when each checksum covers decoded pixels, null when it covers stored bytes. */
    String checksumType() {
        return nativeSource || encoder != null ? "DECOMPRESSED" : null;
    }

    StoredFrame convert(byte[] frame, int number) throws TranscodeFailure {
        if (encoder == null) {
            return new StoredFrame(frame, nativeSource ? frame : null);
        }
        try {
            byte[] pixels = decoder == null ? frame : decoder.decode(frame, layout);
            return new StoredFrame(encoder.encode(pixels, layout), pixels);
        } catch (CodecException | RuntimeException e) {
            throw new TranscodeFailure("frame " + number + " could not be transcoded to "
                    + TransferSyntax.nameOf(storedSyntax) + ": " + e.getMessage(), e);
        }
    }
}
