package org.ahibridge.ahi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import software.amazon.awssdk.services.medicalimaging.model.DICOMTags;
import software.amazon.awssdk.services.medicalimaging.model.ImageSetsMetadataSummary;
import software.amazon.awssdk.services.medicalimaging.model.Operator;
import software.amazon.awssdk.services.medicalimaging.model.SearchByAttributeValue;
import software.amazon.awssdk.services.medicalimaging.model.SearchFilter;

/** SearchImageSets' filters and summaries (docs/aws-healthimaging.md §3) between our words and the SDK's. */
final class SearchFilters {

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private SearchFilters() {
    }

    static SearchFilter of(SearchTerm term) {
        List<SearchByAttributeValue> values = new ArrayList<>();
        for (int i = 0; i < term.values().size(); i++) {
            Object v = term.values().get(i);
            // A study date without a time means 00:00 to AHI: the upper bound must reach the end of its day.
            values.add(term.attribute() == SearchTerm.Attribute.STUDY_DATE && i == 1
                    ? SearchByAttributeValue.fromDicomStudyDateAndTime(d -> d.dicomStudyDate(((LocalDate) v).format(DA))
                            .dicomStudyTime("235959.999999"))
                    : value(term.attribute(), v));
        }
        return SearchFilter.builder().operator(term.between() ? Operator.BETWEEN : Operator.EQUAL).values(values)
                .build();
    }

    private static SearchByAttributeValue value(SearchTerm.Attribute attribute, Object v) {
        return switch (attribute) {
            case PATIENT_ID -> SearchByAttributeValue.fromDicomPatientId((String) v);
            case ACCESSION_NUMBER -> SearchByAttributeValue.fromDicomAccessionNumber((String) v);
            case STUDY_ID -> SearchByAttributeValue.fromDicomStudyId((String) v);
            case STUDY_INSTANCE_UID -> SearchByAttributeValue.fromDicomStudyInstanceUID((String) v);
            case SERIES_INSTANCE_UID -> SearchByAttributeValue.fromDicomSeriesInstanceUID((String) v);
            case STUDY_DATE -> SearchByAttributeValue.fromDicomStudyDateAndTime(d -> d.dicomStudyDate(
                    ((LocalDate) v).format(DA)));
            case CREATED_AT -> SearchByAttributeValue.fromCreatedAt((Instant) v);
            case UPDATED_AT -> SearchByAttributeValue.fromUpdatedAt((Instant) v);
            case IS_PRIMARY -> SearchByAttributeValue.fromIsPrimary((Boolean) v);
        };
    }

    static ImageSetSummary summary(ImageSetsMetadataSummary s) {
        DICOMTags t = s.dicomTags() == null ? DICOMTags.builder().build() : s.dicomTags();
        return new ImageSetSummary(s.imageSetId(), s.version() == null ? 1 : s.version(), s.createdAt(),
                s.updatedAt(), s.isPrimary(), t.dicomPatientId(), t.dicomAccessionNumber(), t.dicomStudyId(),
                t.dicomStudyInstanceUID(), t.dicomSeriesInstanceUID(), t.dicomStudyDate());
    }
}
