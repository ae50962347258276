package org.ahibridge.emulator.ahi.imports;

import java.util.List;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.json.AhiMetadataFrame;

/**
 * An instance read by an import job, its frames already stored, waiting to join an image set.
 *
 * @param key     the S3 key it was read from (the {@code inputFile} of the output lines)
 * @param dataset the data set, Pixel Data emptied (its frames are stored)
 * @param checksumType the metadata's {@code ChecksumType} ({@code DECOMPRESSED}), or null when the checksums
 *                     cover the stored bytes
 * @param warning an import warning (docs/aws-healthimaging.md §6 warning.ndjson), or null
 */
record PendingInstance(String key, Attributes fileMeta, Attributes dataset, String storedTransferSyntaxUid,
        String checksumType, List<AhiMetadataFrame> frames, ImportWarning warning) {

    /** A warning line's {@code warning_reason_code}, {@code type} and {@code message}. */
    record ImportWarning(int code, String type, String message) {
        static final ImportWarning INVALID_OFFSET_TABLE = new ImportWarning(45330, "InvalidOffsetTable",
                "The file was imported but contains an invalid offset table, may see issues when retrieving "
                        + "certain frames.");
    }

    String studyUid() {
        return dataset.getString(Tags.STUDY_INSTANCE_UID);
    }

    String seriesUid() {
        return dataset.getString(Tags.SERIES_INSTANCE_UID);
    }

    /**
     * The elements AHI groups by and checks for conflicts with the primary image set (docs/aws-healthimaging.md §7.1):
     * study level StudyDate, AccessionNumber, PatientID, StudyID; series level SeriesNumber (the UIDs
     * are the grouping key itself).
     */
    List<String> conflictKey() {
        String seriesNumber = dataset.getString(Tags.SERIES_NUMBER);
        try {
            // Compared as a number, as the image set summary keeps it ("01" and "1" are the same series number).
            seriesNumber = seriesNumber == null ? null : Integer.valueOf(seriesNumber.strip()).toString();
        } catch (NumberFormatException e) {
            // a malformed IS stays as written
        }
        return java.util.Arrays.asList(strip(dataset.getString(Tags.STUDY_DATE)),
                strip(dataset.getString(Tags.ACCESSION_NUMBER)), strip(dataset.getString(Tags.PATIENT_ID)),
                strip(dataset.getString(Tags.STUDY_ID)), seriesNumber);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
