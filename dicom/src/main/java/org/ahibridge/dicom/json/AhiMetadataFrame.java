package org.ahibridge.dicom.json;

/**
 * One entry of an instance's {@code ImageFrames} in the AHI metadata (docs/aws-healthimaging.md §4.2).
 *
 * @param id             the 32-character image frame id (GetImageFrame's {@code imageFrameId})
 * @param sizeInBytes    {@code FrameSizeInBytes}: the size of the frame as stored
 * @param checksum       the full-resolution {@code Checksum} (unsigned CRC32), or -1 when unknown
 * @param width          Columns
 * @param height         Rows
 * @param minPixelValue  {@code MinPixelValue}, or null when not computed
 * @param maxPixelValue  {@code MaxPixelValue}, or null when not computed
 */
public record AhiMetadataFrame(String id, long sizeInBytes, long checksum, int width, int height,
        Long minPixelValue, Long maxPixelValue) {
}
