package org.ahibridge.exporting;

import java.util.Set;

import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.codec.CodecException;
import org.ahibridge.dicom.codec.FrameDecoder;
import org.ahibridge.dicom.codec.FrameLayout;
import org.ahibridge.dicom.codec.RleDecoder;
import org.ahibridge.dicom.json.AhiMetadataFrame;

/**
 * Decodes stored frames into native ones for {@link OutputSyntax#EXPLICIT_VR_LITTLE_ENDIAN}: JPEG 2000 and
 * HTJ2K with OpenJPEG's libopenjp2 ({@link FrameDecoder}), RLE with the project's {@link RleDecoder}. The
 * native frame is little endian, laid out as {@link FrameLayout} says (Planar Configuration included), each
 * sample in Bits Allocated: byte for byte the source's native frame for lossless storage.
 */
final class DecodedFrames implements FrameOutput {

    /** The stored syntaxes OpenJPEG decodes: AHI's HTJ2K and JPEG 2000 storage, and JPEG 2000 kept as it came. */
    static final Set<String> JPEG_2000_FAMILY = Set.of(TransferSyntax.JPEG_2000_LOSSLESS, TransferSyntax.JPEG_2000,
            TransferSyntax.JPEG_2000_MC_LOSSLESS, TransferSyntax.JPEG_2000_MC, TransferSyntax.HTJ2K_LOSSLESS,
            TransferSyntax.HTJ2K_LOSSLESS_RPCL, TransferSyntax.HTJ2K);

    private final FrameDecoder decoder;
    private final boolean rle;
    private final FrameLayout layout;

    private DecodedFrames(FrameDecoder decoder, boolean rle, FrameLayout layout) {
        this.decoder = decoder;
        this.rle = rle;
        this.layout = layout;
    }

    /** Whether frames stored in {@code syntax} can be decoded here (with a decoder when it is JPEG 2000). */
    static boolean decodes(String syntax) {
        return JPEG_2000_FAMILY.contains(syntax) || TransferSyntax.RLE_LOSSLESS.equals(syntax);
    }

    /** The decoding of an instance's frames; {@code decoder} may be null when the syntax is RLE. */
    static DecodedFrames of(String storedSyntax, FrameDecoder decoder, FrameLayout layout) {
        return new DecodedFrames(decoder, TransferSyntax.RLE_LOSSLESS.equals(storedSyntax), layout);
    }

    @Override
    public long bufferedSize(AhiMetadataFrame frame) {
        return layout.frameBytes();
    }

    @Override
    public byte[] written(AhiMetadataFrame frame, byte[] stored) {
        try {
            return rle ? RleDecoder.decode(stored, layout) : decoder.decode(stored, layout);
        } catch (CodecException e) {
            throw new FrameDecodingException("frame " + frame.id() + " could not be decoded: " + e.getMessage(), e);
        }
    }
}
