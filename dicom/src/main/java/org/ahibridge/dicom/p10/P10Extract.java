package org.ahibridge.dicom.p10;

import java.util.Set;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;

/** Builds {@link P10Attributes} from what was read: the File Meta Information and the (partial) data set. */
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
        String syntax = meta.getString(Tags.TRANSFER_SYNTAX_UID);
        if (dataset == null) {
            // Not read (DICOMDIR, unsupported syntax): the meta's copies of the SOP UIDs are what is known.
            return new P10Attributes(syntax, meta.getString(Tags.MEDIA_STORAGE_SOP_CLASS_UID),
                    meta.getString(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID), null, null, null, null, null, null, null,
                    null);
        }
        return new P10Attributes(syntax, dataset.getString(Tags.SOP_CLASS_UID),
                dataset.getString(Tags.SOP_INSTANCE_UID), dataset.getString(Tags.STUDY_INSTANCE_UID),
                dataset.getString(Tags.SERIES_INSTANCE_UID), dataset.getString(Tags.MODALITY),
                dataset.getString(Tags.PATIENT_ID), dataset.getString(Tags.ACCESSION_NUMBER),
                dataset.getString(Tags.STUDY_DATE), integer(dataset, Tags.SERIES_NUMBER),
                integer(dataset, Tags.NUMBER_OF_FRAMES));
    }

    private static Integer integer(Attributes dataset, int tag) {
        long value = dataset.getLong(tag, Long.MIN_VALUE);
        return value == Long.MIN_VALUE || value != (int) value ? null : (int) value;
    }
}
