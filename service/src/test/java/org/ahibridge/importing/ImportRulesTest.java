package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportRulesTest {

    @ParameterizedTest
    @CsvSource({
        "studies/**/*.dcm, studies/a/b/c.dcm, true",
        "studies/**/*.dcm, studies/c.dcm, false",
        "studies/**, studies/c.dcm, true",
        "*.dcm, a/b.dcm, false",
        "*.dcm, b.dcm, true",
        "scan-??.dcm, scan-01.dcm, true",
        "scan-??.dcm, scan-1/.dcm, false",
        "a b/ü*.dcm, a b/ü1.dcm, true"})
    void shouldMatchGlobsOverWholeKeys(String glob, String key, boolean matches) {
        assertThat(new KeyGlob(glob).matches(key)).isEqualTo(matches);
    }

    @Test
    void shouldExplainWhichRuleExcludedAFile() {
        ImportRules rules = new ImportRules(List.of("in/**"), List.of("**/DICOMDIR", "in/tmp/**"), 132, 1_000);

        assertThat(rules.exclusion("in/a.dcm", 500)).isEmpty();
        assertThat(rules.exclusion("out/a.dcm", 500)).get().asString().contains("none of ahibridge.import.rules.include");
        assertThat(rules.exclusion("in/x/DICOMDIR", 500)).get().asString().contains("exclude '**/DICOMDIR'");
        assertThat(rules.exclusion("in/a.dcm", 10)).get().asString().contains("below ahibridge.import.rules.min-size 132");
        assertThat(rules.exclusion("in/a.dcm", 1_001)).get().asString().contains("above ahibridge.import.rules.max-size");
        assertThat(ImportRules.NONE.exclusion("anything", 0)).isEmpty();
    }
}
