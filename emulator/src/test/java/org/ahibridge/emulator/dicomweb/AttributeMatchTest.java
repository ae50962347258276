package org.ahibridge.emulator.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

class AttributeMatchTest {

    @Test
    void shouldMatchEverythingForAnEmptyValueButNothingForAMissingOne() {
        AttributeMatch universal = new AttributeMatch(Tags.PATIENT_ID, VR.LO, "");
        assertThat(universal.matches(List.of())).isTrue();
        assertThat(universal.matches(List.of("X"))).isTrue();
        assertThat(new AttributeMatch(Tags.PATIENT_ID, VR.LO, "X").matches(List.of())).isFalse();
    }

    @Test
    void shouldMatchTextExactlyOrWithWildcards() {
        AttributeMatch exact = new AttributeMatch(Tags.PATIENT_ID, VR.LO, "AB-1");
        assertThat(exact.matches(List.of("AB-1"))).isTrue();
        assertThat(exact.matches(List.of("ab-1"))).as("only PN ignores case").isFalse();
        assertThat(exact.matches(List.of("AB-12"))).isFalse();
        AttributeMatch wildcard = new AttributeMatch(Tags.PATIENT_ID, VR.LO, "A?-*2");
        assertThat(wildcard.matches(List.of("AB-12", "x"))).isTrue();
        assertThat(wildcard.matches(List.of("A-12"))).isFalse();
        assertThat(new AttributeMatch(Tags.PATIENT_ID, VR.LO, "a.c(").matches(List.of("a.c("))).as("no regex")
                .isTrue();
        assertThat(new AttributeMatch(Tags.PATIENT_ID, VR.LO, "a.c").matches(List.of("abc"))).isFalse();
    }

    @Test
    void shouldMatchPersonNamesWhateverTheCaseOnAnyComponentGroup() {
        AttributeMatch name = new AttributeMatch(Tags.PATIENT_NAME, VR.PN, "yamada^tarou");
        assertThat(name.matches(List.of("Yamada^Tarou=山田^太郎=やまだ^たろう"))).isTrue();
        assertThat(new AttributeMatch(Tags.PATIENT_NAME, VR.PN, "山田*").matches(List.of("Yamada^Tarou=山田^太郎")))
                .isTrue();
        assertThat(new AttributeMatch(Tags.PATIENT_NAME, VR.PN, "MÜLLER*").matches(List.of("Müller^Anna"))).isTrue();
        assertThat(name.matches(List.of("Yamada^Hanako"))).isFalse();
    }

    @Test
    void shouldMatchUidListsSeparatedByCommasOrBackslashes() {
        AttributeMatch list = new AttributeMatch(Tags.STUDY_INSTANCE_UID, VR.UI, "1.2.3, 1.2.4\\1.2.5");
        assertThat(list.matches(List.of("1.2.4"))).isTrue();
        assertThat(list.matches(List.of("1.2.5"))).isTrue();
        assertThat(list.matches(List.of("1.2"))).isFalse();
        assertThat(new AttributeMatch(Tags.STUDY_INSTANCE_UID, VR.UI, "1.2.*").matches(List.of("1.2.3")))
                .as("no wildcards in UIDs").isFalse();
    }

    @Test
    void shouldMatchDateRangesWithOpenEnds() {
        assertThat(date("20240101-20240131").matches(List.of("20240131"))).isTrue();
        assertThat(date("20240101-20240131").matches(List.of("20240201"))).isFalse();
        assertThat(date("20240101-").matches(List.of("20991231"))).isTrue();
        assertThat(date("-20240101").matches(List.of("20240102"))).isFalse();
        assertThat(date("20240115").matches(List.of("2024.01.15"))).as("the old form").isTrue();
    }

    @Test
    void shouldMatchTimesWhateverThePrecisionEitherSideGives() {
        AttributeMatch range = new AttributeMatch(Tags.STUDY_TIME, VR.TM, "1030-1045");
        assertThat(range.matches(List.of("103000"))).isTrue();
        assertThat(range.matches(List.of("104559.999"))).as("the upper bound covers its minute").isTrue();
        assertThat(range.matches(List.of("1046"))).isFalse();
        assertThat(range.matches(List.of("102959"))).isFalse();
        assertThat(new AttributeMatch(Tags.STUDY_TIME, VR.TM, "10:30").matches(List.of("103000.000"))).isTrue();
    }

    private static AttributeMatch date(String value) {
        return new AttributeMatch(Tags.STUDY_DATE, VR.DA, value);
    }
}
