package org.ahibridge.ahi;

import java.util.List;
import java.util.Objects;

/**
 * One SearchImageSets filter (docs/aws-healthimaging.md §3, {@code SearchFilter}): an attribute, EQUAL with one value
 * or BETWEEN with a lower and an upper bound. Values are strings for the DICOM attributes,
 * {@link java.time.Instant} for createdAt/updatedAt, {@link java.time.LocalDate} for the study date
 * and {@link Boolean} for isPrimary.
 */
public record SearchTerm(Attribute attribute, boolean between, List<Object> values) {

    /** The attributes of {@code SearchByAttributeValue}. */
    public enum Attribute {
        PATIENT_ID, ACCESSION_NUMBER, STUDY_ID, STUDY_INSTANCE_UID, SERIES_INSTANCE_UID, STUDY_DATE, CREATED_AT,
        UPDATED_AT, IS_PRIMARY
    }

    public SearchTerm {
        Objects.requireNonNull(attribute, "attribute");
        values = List.copyOf(values);
        if (values.size() != (between ? 2 : 1)) {
            throw new IllegalArgumentException(attribute + ": EQUAL takes one value, BETWEEN two");
        }
    }

    /** The attribute and operator only: values may be patient data. */
    @Override
    public String toString() {
        return attribute + (between ? " BETWEEN" : " EQUAL");
    }

    public static SearchTerm equal(Attribute attribute, Object value) {
        return new SearchTerm(attribute, false, List.of(value));
    }

    public static SearchTerm between(Attribute attribute, Object lower, Object upper) {
        return new SearchTerm(attribute, true, List.of(lower, upper));
    }
}
