package org.ahibridge.dicom.json;

import java.util.List;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.VR;

/**
 * One instance read back from an AHI image-set metadata document: enough to rebuild its Part 10 file
 * (File Meta Information, the data set with every level merged in, the syntax its frames are stored
 * in, and the frames to fetch with GetImageFrame).
 *
 * @param dataset     data set without Pixel Data; the pixels are the {@code frames}
 * @param pixelDataVr the VR of Pixel Data (7FE0,0010) in the source (OW for most native 16-bit images, else
 *                    OB), or null when the instance had no Pixel Data
 */
public record AhiMetadataInstance(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        Attributes fileMeta, Attributes dataset, String storedTransferSyntaxUid, List<AhiMetadataFrame> frames,
        VR pixelDataVr) {
}
