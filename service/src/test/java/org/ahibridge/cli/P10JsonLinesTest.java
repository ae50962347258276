package org.ahibridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.ahibridge.dicom.p10.P10Attributes;
import org.ahibridge.dicom.p10.P10Reason;
import org.ahibridge.dicom.p10.P10Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Issue 11: a {@code p10 check --json} line stays one line whatever its path or message holds. */
class P10JsonLinesTest {

    @ParameterizedTest
    @ValueSource(ints = {0x85, 0x80, 0x9F, 0x2028, 0x2029})
    void shouldKeepEachFileOnOneLineThatParsesBack(int c) throws IOException {
        String text = "malformed " + Character.toString(c) + " element";
        P10Verdict verdict = new P10Verdict(false, P10Reason.MALFORMED, text, -1, 0, 10, 10, P10Attributes.NONE);

        String line = P10Json.line(Path.of("scan.dcm"), verdict);

        assertThat(line.split("\\R", -1)).hasSize(1);
        assertThat(line).doesNotContain(Character.toString(c));
        assertThat(new ObjectMapper().readTree(line).get("message").asText()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x85, 0x1B, 0x2028})
    void shouldShowLineBreaksAndEscapesOfAPathAsQuestionMarksInTheReadableLine(int c) {
        P10Verdict verdict = new P10Verdict(false, P10Reason.EMPTY, "the object is empty (0 bytes)", -1, 0, 0, 0,
                P10Attributes.NONE);

        String line = P10Json.text(Path.of("a" + Character.toString(c) + "b.dcm"), verdict);

        assertThat(line).startsWith("FAIL  a?b.dcm  EMPTY").doesNotContain(Character.toString(c));
    }
}
