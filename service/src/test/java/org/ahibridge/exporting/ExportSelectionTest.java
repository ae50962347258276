package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.ahibridge.ahi.ImageSetSummary;
import org.ahibridge.ahi.SearchTerm;

class ExportSelectionTest {

    private static ImageSetSummary summary(String patient, String study, String date, Instant updated, boolean primary) {
        return new ImageSetSummary("a".repeat(32), 1, updated, updated, primary, patient, "ACC", "S1", study, "1.9",
                date);
    }

    @Test
    void shouldSearchEverythingWithoutFilters() {
        assertThat(ExportSelection.all().plan().serverFilters()).isEmpty();
    }

    @Test
    void shouldSendAtMostTwoFiltersMostSelectiveFirstAndCheckTheRestClientSide() {
        ExportSelection selection = new ExportSelection("P1", "ACC", null, "1.2", null, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 31), null, null, null, null, true, List.of());

        ExportSelection.Plan plan = selection.plan();

        assertThat(plan.serverFilters()).extracting(SearchTerm::attribute)
                .containsExactly(SearchTerm.Attribute.STUDY_INSTANCE_UID, SearchTerm.Attribute.ACCESSION_NUMBER);
        Instant now = Instant.parse("2024-02-01T00:00:00Z");
        assertThat(plan.clientFilter().test(summary("P1", "1.2", "20240131", now, true))).isTrue();
        assertThat(plan.clientFilter().test(summary("P2", "1.2", "20240131", now, true))).as("patient").isFalse();
        assertThat(plan.clientFilter().test(summary("P1", "1.2", "20240201", now, true))).as("date").isFalse();
        assertThat(plan.clientFilter().test(summary("P1", "1.2", "20240115", now, false))).as("primary").isFalse();
    }

    @Test
    void shouldUseBetweenWithOpenBoundsForRanges() {
        ExportSelection selection = ExportSelection.all().updatedSince(Instant.parse("2025-01-01T00:00:00Z"));

        SearchTerm term = selection.plan().serverFilters().get(0);

        assertThat(term.between()).isTrue();
        assertThat(term.values()).containsExactly(Instant.parse("2025-01-01T00:00:00Z"), ExportSelection.FAR_FUTURE);
        assertThat(selection.matches(summary("P", "1", "20200101", Instant.parse("2024-12-31T23:59:59Z"), true))).isFalse();
    }

    @Test
    void shouldKeepTheLaterOfTwoUpdatedSinceBounds() {
        ExportSelection selection = ExportSelection.all().updatedSince(Instant.parse("2025-01-01T00:00:00Z"))
                .updatedSince(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(selection.updatedFrom()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void shouldNeverPrintPatientValues() {
        ExportSelection selection = new ExportSelection("SECRET-PID", "ACC-42", null, null, null, null, null, null,
                null, null, null, false, List.of());

        assertThat(selection.toString()).contains("PATIENT_ID", "ACCESSION_NUMBER").doesNotContain("SECRET", "ACC-42");
        assertThat(selection.plan().serverFilters().toString()).doesNotContain("SECRET");
        assertThat(summary("SECRET-PID", "1", "20200101", Instant.EPOCH, true).toString()).doesNotContain("SECRET");
    }
}
