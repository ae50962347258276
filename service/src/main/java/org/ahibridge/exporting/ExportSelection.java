package org.ahibridge.exporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.ahibridge.ahi.ImageSetSummary;
import org.ahibridge.ahi.SearchTerm;

/**
 * Which image sets an export takes (docs/design.md §1 Export): SearchImageSets filters (docs/aws-healthimaging.md §3)
 * plus
 * explicit image set ids. Every field is optional; an empty selection takes every image set. Ranges
 * are inclusive; a null bound is open.
 *
 * <p>AHI accepts at most two filters per request, each EQUAL or BETWEEN on one attribute
 * ({@link #plan()}): the most selective ones go to the server, and every criterion is also checked
 * client-side on the returned summaries, so the result is the same whichever went where.
 */
public record ExportSelection(String patientId, String accessionNumber, String studyId, String studyInstanceUid,
        String seriesInstanceUid, LocalDate studyDateFrom, LocalDate studyDateTo, Instant createdFrom,
        Instant createdTo, Instant updatedFrom, Instant updatedTo, boolean primaryOnly, List<String> imageSetIds) {

    /** Lower bound for open BETWEEN ranges: AHI needs two values. */
    static final Instant EPOCH = Instant.EPOCH;
    static final Instant FAR_FUTURE = Instant.parse("9999-12-31T23:59:59Z");

    public ExportSelection {
        imageSetIds = imageSetIds == null ? List.of() : List.copyOf(imageSetIds);
    }

    /** Every image set, primary or not. */
    public static ExportSelection all() {
        return new ExportSelection(null, null, null, null, null, null, null, null, null, null, null, false, List.of());
    }

    /** This selection with updatedAt restricted to {@code from} and later (incremental runs). */
    public ExportSelection updatedSince(Instant from) {
        Instant lower = updatedFrom == null || (from != null && from.isAfter(updatedFrom)) ? from : updatedFrom;
        return new ExportSelection(patientId, accessionNumber, studyId, studyInstanceUid, seriesInstanceUid,
                studyDateFrom, studyDateTo, createdFrom, createdTo, lower, updatedTo, primaryOnly, imageSetIds);
    }

    /** Every filter this selection needs, most selective first. */
    public List<SearchTerm> terms() {
        List<SearchTerm> terms = new ArrayList<>();
        addEqual(terms, SearchTerm.Attribute.SERIES_INSTANCE_UID, seriesInstanceUid);
        addEqual(terms, SearchTerm.Attribute.STUDY_INSTANCE_UID, studyInstanceUid);
        addEqual(terms, SearchTerm.Attribute.ACCESSION_NUMBER, accessionNumber);
        addEqual(terms, SearchTerm.Attribute.PATIENT_ID, patientId);
        addEqual(terms, SearchTerm.Attribute.STUDY_ID, studyId);
        if (studyDateFrom != null || studyDateTo != null) {
            terms.add(SearchTerm.between(SearchTerm.Attribute.STUDY_DATE,
                    studyDateFrom == null ? LocalDate.of(1, 1, 1) : studyDateFrom,
                    studyDateTo == null ? LocalDate.of(9999, 12, 31) : studyDateTo));
        }
        if (updatedFrom != null || updatedTo != null) {
            terms.add(SearchTerm.between(SearchTerm.Attribute.UPDATED_AT, or(updatedFrom, EPOCH),
                    or(updatedTo, FAR_FUTURE)));
        }
        if (createdFrom != null || createdTo != null) {
            terms.add(SearchTerm.between(SearchTerm.Attribute.CREATED_AT, or(createdFrom, EPOCH),
                    or(createdTo, FAR_FUTURE)));
        }
        if (primaryOnly) {
            terms.add(SearchTerm.equal(SearchTerm.Attribute.IS_PRIMARY, Boolean.TRUE));
        }
        return terms;
    }

    /**
     * The filters for SearchImageSets (at most two; none lists everything) and the client-side test
     * every returned summary must pass.
     */
    public Plan plan() {
        List<SearchTerm> terms = terms();
        return new Plan(terms.subList(0, Math.min(2, terms.size())), this::matches);
    }

    /** True when a summary meets every criterion (including the ones sent to the server). */
    public boolean matches(ImageSetSummary s) {
        return same(patientId, s.patientId()) && same(accessionNumber, s.accessionNumber())
                && same(studyId, s.studyId()) && same(studyInstanceUid, s.studyInstanceUid())
                && same(seriesInstanceUid, s.seriesInstanceUid())
                && inRange(studyDate(s.studyDate()), studyDateFrom, studyDateTo)
                && inRange(s.createdAt(), createdFrom, createdTo) && inRange(s.updatedAt(), updatedFrom, updatedTo)
                && (!primaryOnly || Boolean.TRUE.equals(s.isPrimary()));
    }

    /** Names the criteria in use, never their values: a patient ID or accession number must not reach a log. */
    @Override
    public String toString() {
        List<String> used = terms().stream().map(t -> t.attribute().name()).toList();
        return "ExportSelection" + used + (imageSetIds.isEmpty() ? "" : " imageSetIds=" + imageSetIds);
    }

    /** The server-side filters and the client-side test of one selection. */
    public record Plan(List<SearchTerm> serverFilters, Predicate<ImageSetSummary> clientFilter) {
    }

    private static void addEqual(List<SearchTerm> terms, SearchTerm.Attribute attribute, String value) {
        if (value != null) {
            terms.add(SearchTerm.equal(attribute, value));
        }
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || (actual != null && wanted.trim().equals(actual.trim()));
    }

    private static <T extends Comparable<T>> boolean inRange(T value, T from, T to) {
        if (from == null && to == null) {
            return true;
        }
        return value != null && (from == null || value.compareTo(from) >= 0) && (to == null || value.compareTo(to) <= 0);
    }

    private static LocalDate studyDate(String da) {
        if (da == null || !da.trim().matches("\\d{8}")) {
            return null;
        }
        String t = da.trim();
        try {
            return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                    Integer.parseInt(t.substring(6, 8)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static Instant or(Instant value, Instant fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
