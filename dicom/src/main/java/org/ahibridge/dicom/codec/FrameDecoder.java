package org.ahibridge.dicom.codec;

/** Decodes JPEG 2000 and HTJ2K frames. Implementations are thread-safe. */
public interface FrameDecoder {

    /** The codestream's components as decoded, whatever layout a data set claims for them. */
    DecodedImage decode(byte[] codestream) throws CodecException;

    /**
     * The codestream as the native frame the layout describes (little endian, the layout's Planar
     * Configuration, each sample in Bits Allocated as two's complement).
     *
     * @throws CodecException when the codestream cannot be decoded or its components do not match the layout
     */
    default byte[] decode(byte[] codestream, FrameLayout layout) throws CodecException {
        return NativeSamples.frame(decode(codestream).planesFor(layout), layout);
    }
}
