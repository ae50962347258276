package org.ahibridge.exporting;

import org.ahibridge.dicom.json.AhiMetadataFrame;

/** What becomes of a stored frame before it is written: kept as it is, or decoded to native pixels. */
interface FrameOutput {

    /** The frame as stored: the bytes GetImageFrame returns are the bytes written. */
    FrameOutput STORED = new FrameOutput() {
        @Override
        public long bufferedSize(AhiMetadataFrame frame) {
            return Math.max(0, frame.sizeInBytes());
        }

        @Override
        public byte[] written(AhiMetadataFrame frame, byte[] stored) {
            return stored;
        }
    };

    /** About how many bytes the frame holds in memory while it waits to be written, for the frame budget. */
    long bufferedSize(AhiMetadataFrame frame);

    /** The bytes to write for a stored frame; throws {@link FrameDecodingException} when it cannot be decoded. */
    byte[] written(AhiMetadataFrame frame, byte[] stored);

    /** A frame that could not be decoded; its message names the frame and the reason. */
    final class FrameDecodingException extends RuntimeException {
        FrameDecodingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
