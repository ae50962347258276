package org.ahibridge.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UidsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "1.2", "1.2.840.10008.1.2.1", "2.25.0.10",
        "1.2.345678901234567890123456789012345678901234567890123456789012"})
    void shouldShowValidUids(String uid) {
        assertThat(Uids.isValid(uid)).isTrue();
        assertThat(Uids.shown(uid)).isEqualTo(uid);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|it is empty",
        "1.2.3456789012345678901234567890123456789012345678901234567890123|it is 65 characters long, more than 64",
        "1..2|component 2 is empty",
        ".1|component 1 is empty",
        "1.2.|component 3 is empty",
        "1.02|component 2 has a leading zero",
        "'1.2.3 '|character 6 is not a digit or '.'",
        "2.25.1CANARY^LEAK|character 7 is not a digit or '.'"})
    void shouldHideInvalidUidsAndNameTheDefectWithoutTheValue(String uid, String defect) {
        assertThat(Uids.isValid(uid)).isFalse();
        assertThat(Uids.shown(uid)).isNull();
        assertThat(Uids.defect(uid)).isEqualTo(defect).doesNotContain("CANARY");
    }
}
