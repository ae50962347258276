package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeSegmentTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CON|_CON", "con.txt|_con.txt", "COM\u00B9|_COM\u00B9", "LPT\u00B3.x|_LPT\u00B3.x", "NUL .txt|_NUL .txt",
        "a. .|a", "\"\"|_", "..|_", ".x|_.x", "x|x", "Con1|Con1", "COM10.txt|COM10.txt"})
    void shouldMakeEachSegmentSafe(String segment, String expected) {
        assertThat(SafeSegment.of(segment)).isEqualTo(expected);
        assertThat(SafeSegment.of(expected)).as("the rule is stable").isEqualTo(expected);
    }
}
