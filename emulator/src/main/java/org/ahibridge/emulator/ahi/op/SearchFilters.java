package org.ahibridge.emulator.ahi.op;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.ahibridge.emulator.ahi.AhiError;
import org.ahibridge.emulator.ahi.Json;
import org.ahibridge.emulator.ahi.store.ImageSet;
import org.ahibridge.emulator.ahi.store.ImageSetTags;

/** SearchFilter and SearchByAttributeValue (a union: exactly one member per value) as predicates. */
final class SearchFilters {

    private static final List<String> MEMBERS = List.of("DICOMPatientId", "DICOMAccessionNumber", "DICOMStudyId",
            "DICOMStudyInstanceUID", "DICOMSeriesInstanceUID", "createdAt", "updatedAt", "DICOMStudyDateAndTime",
            "isPrimary");

    private SearchFilters() {
    }

    static Predicate<ImageSet> of(JsonNode filters) {
        if (filters.isMissingNode() || filters.isNull()) {
            return imageSet -> true;
        }
        if (!filters.isArray() || filters.size() < 1 || filters.size() > 2) {
            throw AhiError.validation("filters must hold 1 or 2 search filters");
        }
        Predicate<ImageSet> all = imageSet -> true;
        for (JsonNode filter : filters) {
            all = all.and(filter(filter));
        }
        return all;
    }

    private static Predicate<ImageSet> filter(JsonNode filter) {
        String operator = filter.path("operator").asText("");
        JsonNode values = filter.path("values");
        if (!values.isArray() || values.size() < 1 || values.size() > 2) {
            throw AhiError.validation("A search filter must hold 1 or 2 values");
        }
        List<String> members = new ArrayList<>();
        for (JsonNode value : values) {
            List<String> present = MEMBERS.stream().filter(value::has).toList();
            if (present.size() != 1 || value.size() != 1) {
                throw AhiError.validation("A search value must set exactly one of " + MEMBERS);
            }
            members.add(present.get(0));
        }
        String member = members.get(0);
        if (operator.equals("EQUAL")) {
            if (values.size() != 1) {
                throw AhiError.validation("EQUAL takes exactly one value");
            }
            return equal(member, values.get(0).get(member));
        }
        if (operator.equals("BETWEEN")) {
            if (values.size() != 2 || !member.equals(members.get(1))) {
                throw AhiError.validation("BETWEEN takes two values of the same attribute");
            }
            if (!List.of("createdAt", "updatedAt", "DICOMStudyDateAndTime").contains(member)) {
                throw AhiError.validation("BETWEEN applies to createdAt, updatedAt and DICOMStudyDateAndTime");
            }
            return between(member, values.get(0).get(member), values.get(1).get(member));
        }
        throw AhiError.validation("operator must be EQUAL or BETWEEN");
    }

    private static Predicate<ImageSet> equal(String member, JsonNode value) {
        return switch (member) {
            case "DICOMPatientId" -> text(ImageSetTags::patientId, value);
            case "DICOMAccessionNumber" -> text(ImageSetTags::accessionNumber, value);
            case "DICOMStudyId" -> text(ImageSetTags::studyId, value);
            case "DICOMStudyInstanceUID" -> text(ImageSetTags::studyInstanceUid, value);
            case "DICOMSeriesInstanceUID" -> text(ImageSetTags::seriesInstanceUid, value);
            case "isPrimary" -> {
                if (!value.isBoolean()) {
                    throw AhiError.validation("isPrimary must be a boolean");
                }
                yield imageSet -> imageSet.primary() == value.asBoolean();
            }
            case "createdAt" -> imageSet -> imageSet.createdAt() == Json.millis(value);
            case "updatedAt" -> imageSet -> imageSet.latest().updatedAt() == Json.millis(value);
            default -> {
                String date = studyDate(value);
                String time = value.path("DICOMStudyTime").asText(null);
                yield imageSet -> date.equals(imageSet.dicom().studyDate())
                        && (time == null || studyDateTime(date, time).equals(
                                studyDateTime(imageSet.dicom().studyDate(), imageSet.dicom().studyTime())));
            }
        };
    }

    private static Predicate<ImageSet> text(Function<ImageSetTags, String> field, JsonNode value) {
        if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > 512) {
            throw AhiError.validation("A DICOM search value must be a string of 1 to 512 characters");
        }
        return imageSet -> Objects.equals(field.apply(imageSet.dicom()), value.asText());
    }

    private static Predicate<ImageSet> between(String member, JsonNode low, JsonNode high) {
        if (member.equals("DICOMStudyDateAndTime")) {
            String from = studyDateTime(studyDate(low), low.path("DICOMStudyTime").asText(null));
            String to = studyDateTime(studyDate(high), high.path("DICOMStudyTime").asText(null));
            return imageSet -> {
                if (imageSet.dicom().studyDate() == null) {
                    return false;
                }
                String at = studyDateTime(imageSet.dicom().studyDate(), imageSet.dicom().studyTime());
                return at.compareTo(from) >= 0 && at.compareTo(to) <= 0;
            };
        }
        long from = Json.millis(low);
        long to = Json.millis(high);
        return member.equals("createdAt")
                ? imageSet -> imageSet.createdAt() >= from && imageSet.createdAt() <= to
                : imageSet -> imageSet.latest().updatedAt() >= from && imageSet.latest().updatedAt() <= to;
    }

    private static String studyDate(JsonNode value) {
        String date = value.path("DICOMStudyDate").asText(null);
        if (date == null || !date.matches("\\d{8}")) {
            throw AhiError.validation("DICOMStudyDate must be a date as yyyyMMdd");
        }
        return date;
    }

    /** A sortable yyyyMMddHHmmss.ffffff key; a missing time is the start of the day. */
    static String studyDateTime(String date, String time) {
        if (date == null) {
            return "";
        }
        String t = time == null ? "" : time.strip().replace(":", "");
        String whole = t.contains(".") ? t.substring(0, t.indexOf('.')) : t;
        String fraction = t.contains(".") ? t.substring(t.indexOf('.') + 1) : "";
        return date + (whole + "000000").substring(0, 6) + "." + (fraction + "000000").substring(0, 6);
    }
}
