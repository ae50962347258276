package org.ahibridge.dicom;

/**
 * A Part 10 object as read: its File Meta Information (group 0002) and its data set.
 *
 * @param pixelData where Pixel Data starts when the reader stopped before it (header mode), else null
 */
public record DicomFile(Attributes fileMeta, Attributes dataset, PixelDataHeader pixelData) {

    /** The Transfer Syntax UID of the File Meta Information, or null when absent. */
    public String transferSyntaxUid() {
        return fileMeta.getString(Tags.TRANSFER_SYNTAX_UID);
    }

    /**
     * The header of the top-level Pixel Data (or Float / Double Float Pixel Data) element.
     *
     * @param offset      byte offset of the element's tag
     * @param valueOffset byte offset of its first value byte
     * @param length      declared value length, or -1 for undefined length (encapsulated)
     */
    public record PixelDataHeader(int tag, VR vr, long offset, long valueOffset, long length) {
        public boolean encapsulated() {
            return length < 0;
        }
    }
}
