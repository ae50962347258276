package org.ahibridge.dicom.codec;

/**
 * The lossless storage formats of AWS HealthImaging (docs/aws-healthimaging.md §5.2): HTJ2K lossless
 * with RPCL progression, the default, and JPEG 2000 lossless for a data store created with
 * {@code losslessStorageFormat: JPEG_2000_LOSSLESS}.
 */
public enum LosslessFormat {
    HTJ2K("HTJ2K", "1.2.840.10008.1.2.4.202"),
    JPEG_2000("JPEG_2000_LOSSLESS", "1.2.840.10008.1.2.4.90");

    private final String datastoreValue;
    private final String transferSyntaxUid;

    LosslessFormat(String datastoreValue, String transferSyntaxUid) {
        this.datastoreValue = datastoreValue;
        this.transferSyntaxUid = transferSyntaxUid;
    }

    /** The data store's {@code losslessStorageFormat} value naming this format. */
    public String datastoreValue() {
        return datastoreValue;
    }

    /** The transfer syntax of frames stored in this format. */
    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }

    /** The format of a data store's {@code losslessStorageFormat}; HTJ2K when it is absent (AWS's default). */
    public static LosslessFormat ofDatastore(String losslessStorageFormat) {
        return JPEG_2000.datastoreValue.equals(losslessStorageFormat) ? JPEG_2000 : HTJ2K;
    }
}
