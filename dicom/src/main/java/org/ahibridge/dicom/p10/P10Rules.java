package org.ahibridge.dicom.p10;

import java.util.List;
import java.util.Map;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomDictionary;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.Uids;

/**
 * The attribute-level rules of a compliant object: the UIDs AHI needs to place an instance
 * (docs/aws-healthimaging.md §9), AHI's length limits at import (docs/aws-healthimaging.md §9 table, the stricter,
 * newer numbers) and the
 * UID syntax of PS3.5 §9.1. Messages name the tag and offset, never the value.
 */
final class P10Rules {

    /** One broken rule: what, and where. */
    record Problem(P10Reason reason, int tag, long offset, String message) {
    }

    static final List<Integer> REQUIRED_UIDS = List.of(Tags.SOP_CLASS_UID, Tags.SOP_INSTANCE_UID,
            Tags.STUDY_INSTANCE_UID, Tags.SERIES_INSTANCE_UID);

    /** Maximum length in characters, docs/aws-healthimaging.md §9 (newer copy where it is stricter). */
    static final Map<Integer, Integer> MAX_LENGTH = Map.ofEntries(
            Map.entry(Tags.PATIENT_NAME, 256), Map.entry(Tags.PATIENT_ID, 256),
            Map.entry(Tags.PATIENT_BIRTH_DATE, 18), Map.entry(Tags.PATIENT_SEX, 16),
            Map.entry(Tags.STUDY_INSTANCE_UID, 256), Map.entry(Tags.STUDY_ID, 16),
            Map.entry(Tags.STUDY_DESCRIPTION, 64), Map.entry(Tags.ACCESSION_NUMBER, 256),
            Map.entry(Tags.STUDY_DATE, 18), Map.entry(Tags.STUDY_TIME, 28),
            Map.entry(Tags.SOP_INSTANCE_UID, 256), Map.entry(Tags.SERIES_INSTANCE_UID, 256));

    /** Maximum value of counts, docs/aws-healthimaging.md §9 (newer copy where it is stricter). */
    static final Map<Integer, Long> MAX_VALUE = Map.of(
            Tags.NUMBER_OF_STUDY_RELATED_SERIES, 1_000_000L, Tags.NUMBER_OF_STUDY_RELATED_INSTANCES, 10_000L);

    private P10Rules() {
    }

    /** The first broken rule in rule order (required, then lengths, then UID syntax), or null. */
    static Problem check(Attributes dataset, DicomReader reader) {
        for (int tag : REQUIRED_UIDS) {
            if (dataset.getString(tag) == null) {
                return new Problem(P10Reason.MISSING_REQUIRED_ATTRIBUTE, tag, -1, "the data set has no "
                        + name(tag) + "; AHI needs it to place the instance");
            }
        }
        for (Map.Entry<Integer, Integer> limit : MAX_LENGTH.entrySet()) {
            int tag = limit.getKey();
            int length = String.join("\\", dataset.getStrings(tag)).length();
            if (length > limit.getValue()) {
                return new Problem(P10Reason.VALUE_TOO_LONG, tag, reader.offsetOf(tag), name(tag) + " at offset "
                        + reader.offsetOf(tag) + " is " + length + " characters long; AHI accepts at most "
                        + limit.getValue());
            }
        }
        for (Map.Entry<Integer, Long> limit : MAX_VALUE.entrySet()) {
            int tag = limit.getKey();
            long value = dataset.getLong(tag, 0);
            if (value > limit.getValue()) {
                return new Problem(P10Reason.VALUE_TOO_LONG, tag, reader.offsetOf(tag), name(tag) + " at offset "
                        + reader.offsetOf(tag) + " is " + value + "; AHI accepts at most " + limit.getValue());
            }
        }
        for (int tag : REQUIRED_UIDS) {
            String defect = uidDefect(dataset.getStrings(tag));
            if (defect != null) {
                return new Problem(P10Reason.INVALID_UID, tag, reader.offsetOf(tag), name(tag) + " at offset "
                        + reader.offsetOf(tag) + " is not a valid UID (PS3.5 §9.1): " + defect);
            }
        }
        return null;
    }

    /** What makes this value not a UID (PS3.5 §9.1), or null when it is one; never quotes the value. */
    static String uidDefect(List<String> values) {
        if (values.size() != 1) {
            return "it has " + values.size() + " values";
        }
        return Uids.defect(values.get(0));
    }

    static String name(int tag) {
        String keyword = DicomDictionary.standard().keywordOf(tag);
        return (keyword == null ? "" : keyword + " ") + Tags.toString(tag);
    }
}
