package org.ahibridge.dicom.p10;

import java.util.Set;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.Uids;

/**
 * Builds {@link P10Attributes} from what was read: the File Meta Information and the (partial) data set.
 * UIDs that are not valid UIDs become null ({@link Uids#shown}): their value may be anything a broken
 * length field pulled in, patient data included, and attributes end up in output, headers and audit.
 */
final class P10Extract {

    /** The top-level elements a classification keeps: those extracted, and those the rules check. */
    static final Set<Integer> RETAINED = Set.of(Tags.SPECIFIC_CHARACTER_SET, Tags.SOP_CLASS_UID,
            Tags.SOP_INSTANCE_UID, Tags.STUDY_DATE, Tags.STUDY_TIME, Tags.ACCESSION_NUMBER, Tags.MODALITY,
            Tags.STUDY_DESCRIPTION, Tags.PATIENT_NAME, Tags.PATIENT_ID, Tags.PATIENT_BIRTH_DATE, Tags.PATIENT_SEX,
            Tags.STUDY_INSTANCE_UID, Tags.SERIES_INSTANCE_UID, Tags.STUDY_ID, Tags.SERIES_NUMBER,
            Tags.NUMBER_OF_STUDY_RELATED_SERIES, Tags.NUMBER_OF_STUDY_RELATED_INSTANCES, Tags.NUMBER_OF_FRAMES,
            Tags.BITS_ALLOCATED);

    private P10Extract() {
    }

    static P10Attributes of(Attributes meta, Attributes dataset) {
        if (meta == null) {
            return P10Attributes.NONE;
        }
        String syntax = uid(meta, Tags.TRANSFER_SYNTAX_UID);
        if (dataset == null) {
            // Not read (DICOMDIR, unsupported syntax): the meta's copies of the SOP UIDs are what is known.
            return new P10Attributes(syntax, uid(meta, Tags.MEDIA_STORAGE_SOP_CLASS_UID),
                    uid(meta, Tags.MEDIA_STORAGE_SOP_INSTANCE_UID), null, null, null, null, null, null, null,
                    null);
        }
        return new P10Attributes(syntax, uid(dataset, Tags.SOP_CLASS_UID),
                uid(dataset, Tags.SOP_INSTANCE_UID), uid(dataset, Tags.STUDY_INSTANCE_UID),
                uid(dataset, Tags.SERIES_INSTANCE_UID), codeString(dataset.getString(Tags.MODALITY)),
                dataset.getString(Tags.PATIENT_ID), dataset.getString(Tags.ACCESSION_NUMBER),
                date(dataset.getString(Tags.STUDY_DATE)), integer(dataset, Tags.SERIES_NUMBER),
                integer(dataset, Tags.NUMBER_OF_FRAMES));
    }

    private static String uid(Attributes attributes, int tag) {
        return Uids.shown(attributes.getString(tag));
    }

    // CS (PS3.5 §6.2): at most 16 upper-case letters, digits, spaces and underscores.
    private static String codeString(String value) {
        return value != null && value.matches("[A-Z0-9 _]{1,16}") ? value : null;
    }

    // DA (PS3.5 §6.2): YYYYMMDD, or the ACR-NEMA form YYYY.MM.DD older files still carry.
    private static String date(String value) {
        return value != null && value.matches("[0-9]{8}|[0-9]{4}\\.[0-9]{2}\\.[0-9]{2}") ? value : null;
    }

    private static Integer integer(Attributes dataset, int tag) {
        long value = dataset.getLong(tag, Long.MIN_VALUE);
        return value == Long.MIN_VALUE || value != (int) value ? null : (int) value;
    }
}
