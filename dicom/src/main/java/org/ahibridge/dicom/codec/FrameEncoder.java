package org.ahibridge.dicom.codec;

/** Encodes native frames losslessly into one {@link LosslessFormat}. Implementations are thread-safe. */
public interface FrameEncoder {

    LosslessFormat format();

    /**
     * One native frame as a codestream that decodes to exactly these bytes (Bits Allocated, Planar
     * Configuration and every bit of the container restored by {@link FrameDecoder#decode(byte[], FrameLayout)}).
     *
     * @throws CodecException when the layout is not supported ({@link FrameLayout#unsupportedReason()}) or
     *                        the encoder fails; the message says why
     */
    byte[] encode(byte[] frame, FrameLayout layout) throws CodecException;
}
