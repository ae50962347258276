package org.ahibridge.emulator.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventPatternTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String EVENT = """
            {"version": "0", "id": "1", "detail-type": "Import Job Completed", "source": "aws.medical-imaging",
             "account": "123456789012", "time": "2026-11-22T00:00:00Z", "region": "us-east-1",
             "resources": ["arn:aws:medical-imaging:us-east-1:123456789012:datastore/ds1"],
             "detail": {"datastoreId": "ds1", "jobStatus": "COMPLETED", "jobName": "Batch-42",
                        "fileCount": 12, "size": 3.5, "isPrimary": true, "note": null,
                        "tags": ["ct", "chest"], "files": [{"key": "a.dcm", "ok": true}, {"key": "b.txt", "ok": false}]}}
            """;

    private static boolean matches(String pattern) {
        try {
            JsonNode event = JSON.readTree(EVENT);
            return EventPattern.parse(pattern).matches(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldMatchExactValuesFromAListOfAllowedValues() {
        assertThat(matches("{\"source\": [\"aws.s3\", \"aws.medical-imaging\"]}")).isTrue();
        assertThat(matches("{\"source\": [\"aws.s3\"]}")).isFalse();
    }

    @Test
    void shouldRequireEveryNamedFieldToMatch() {
        assertThat(matches("{\"source\": [\"aws.medical-imaging\"], \"detail-type\": [\"Import Job Completed\"],"
                + " \"detail\": {\"datastoreId\": [\"ds1\"]}}")).isTrue();
        assertThat(matches("{\"source\": [\"aws.medical-imaging\"], \"detail\": {\"datastoreId\": [\"ds2\"]}}")).isFalse();
    }

    @Test
    void shouldMatchNestedFields() {
        assertThat(matches("{\"detail\": {\"jobStatus\": [\"COMPLETED\"]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"jobStatus\": [\"FAILED\"]}}")).isFalse();
        assertThat(matches("{\"detail\": {\"missing\": {\"deeper\": [\"x\"]}}}")).isFalse();
    }

    @Test
    void shouldCompareNumbersBooleansAndNullByTypeAndValue() {
        assertThat(matches("{\"detail\": {\"fileCount\": [12.0]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"fileCount\": [\"12\"]}}")).isFalse();
        assertThat(matches("{\"detail\": {\"isPrimary\": [true]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"isPrimary\": [\"true\"]}}")).isFalse();
        assertThat(matches("{\"detail\": {\"note\": [null]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"absent\": [null]}}")).isFalse();
    }

    @Test
    void shouldMatchAnEventArrayWhenAnyElementMatches() {
        assertThat(matches("{\"detail\": {\"tags\": [\"chest\"]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"tags\": [\"head\"]}}")).isFalse();
        assertThat(matches("{\"resources\": [{\"prefix\": \"arn:aws:medical-imaging:\"}]}")).isTrue();
        assertThat(matches("{\"detail\": {\"files\": {\"key\": [{\"suffix\": \".txt\"}]}}}")).isTrue();
    }

    @Test
    void shouldMatchPrefixes() {
        assertThat(matches("{\"source\": [{\"prefix\": \"aws.\"}]}")).isTrue();
        assertThat(matches("{\"source\": [{\"prefix\": \"AWS.\"}]}")).isFalse();
        assertThat(matches("{\"source\": [{\"prefix\": {\"equals-ignore-case\": \"AWS.MEDICAL\"}}]}")).isTrue();
    }

    @Test
    void shouldMatchSuffixes() {
        assertThat(matches("{\"detail-type\": [{\"suffix\": \"Completed\"}]}")).isTrue();
        assertThat(matches("{\"detail-type\": [{\"suffix\": \"Failed\"}]}")).isFalse();
        assertThat(matches("{\"detail-type\": [{\"suffix\": {\"equals-ignore-case\": \"COMPLETED\"}}]}")).isTrue();
    }

    @Test
    void shouldMatchEqualsIgnoreCase() {
        assertThat(matches("{\"detail\": {\"jobStatus\": [{\"equals-ignore-case\": \"completed\"}]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"jobStatus\": [{\"equals-ignore-case\": \"failed\"}]}}")).isFalse();
    }

    @Test
    void shouldMatchAnythingButValues() {
        assertThat(matches("{\"detail\": {\"jobStatus\": [{\"anything-but\": \"FAILED\"}]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"jobStatus\": [{\"anything-but\": [\"FAILED\", \"COMPLETED\"]}]}}")).isFalse();
        assertThat(matches("{\"detail\": {\"fileCount\": [{\"anything-but\": [11, 13]}]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"fileCount\": [{\"anything-but\": 12}]}}")).isFalse();
        assertThat(matches("{\"detail\": {\"absent\": [{\"anything-but\": \"x\"}]}}")).isFalse();
    }

    @Test
    void shouldMatchAnythingButPrefixSuffixAndIgnoringCase() {
        assertThat(matches("{\"detail\": {\"jobName\": [{\"anything-but\": {\"prefix\": \"Batch-\"}}]}}")).isFalse();
        assertThat(matches("{\"detail\": {\"jobName\": [{\"anything-but\": {\"prefix\": \"Job-\"}}]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"jobName\": [{\"anything-but\": {\"suffix\": \"-42\"}}]}}")).isFalse();
        assertThat(matches("{\"detail\": {\"jobName\": [{\"anything-but\": {\"equals-ignore-case\": [\"batch-42\"]}}]}}"))
                .isFalse();
    }

    @Test
    void shouldMatchExistence() {
        assertThat(matches("{\"detail\": {\"jobId\": [{\"exists\": false}]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"jobId\": [{\"exists\": true}]}}")).isFalse();
        assertThat(matches("{\"detail\": {\"datastoreId\": [{\"exists\": true}]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"datastoreId\": [{\"exists\": false}]}}")).isFalse();
        assertThat(matches("{\"detail\": {\"tags\": [{\"exists\": true}]}}")).isTrue();
    }

    @Test
    void shouldMatchNumericComparisonsAndRanges() {
        assertThat(matches("{\"detail\": {\"fileCount\": [{\"numeric\": [\">\", 10]}]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"fileCount\": [{\"numeric\": [\"<\", 12]}]}}")).isFalse();
        assertThat(matches("{\"detail\": {\"fileCount\": [{\"numeric\": [\"<=\", 12]}]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"fileCount\": [{\"numeric\": [\"=\", 12]}]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"size\": [{\"numeric\": [\">\", 0, \"<=\", 3.5]}]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"size\": [{\"numeric\": [\">=\", 3.6, \"<\", 10]}]}}")).isFalse();
        assertThat(matches("{\"detail\": {\"jobName\": [{\"numeric\": [\">\", 0]}]}}")).isFalse();
    }

    @Test
    void shouldMatchWildcards() {
        assertThat(matches("{\"detail\": {\"jobName\": [{\"wildcard\": \"Batch-*\"}]}}")).isTrue();
        assertThat(matches("{\"detail\": {\"jobName\": [{\"wildcard\": \"*-4?\"}]}}")).isFalse();
    }

    @Test
    void shouldMatchAnyAlternativeOfOr() {
        assertThat(matches("{\"source\": [\"aws.medical-imaging\"], \"$or\": ["
                + "{\"detail\": {\"jobStatus\": [\"FAILED\"]}}, {\"detail\": {\"fileCount\": [{\"numeric\": [\">\", 5]}]}}]}"))
                .isTrue();
        assertThat(matches("{\"$or\": [{\"source\": [\"aws.s3\"]}, {\"detail-type\": [\"Image Set Created\"]}]}"))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json", "[]", "{\"source\": \"aws.s3\"}", "{\"source\": []}", "{\"source\": [{\"regex\": \"a\"}]}",
        "{\"source\": [{\"prefix\": 1}]}", "{\"a\": [{\"numeric\": [\">\", \"x\"]}]}",
        "{\"a\": [{\"numeric\": [\"<\", 5, \">\", 1]}]}", "{\"a\": [{\"numeric\": [\">\", 5, \"<\", 1]}]}",
        "{\"a\": [{\"exists\": \"yes\"}]}", "{\"a\": [{\"anything-but\": {\"exists\": true}}]}",
        "{\"$or\": [{\"a\": [\"x\"]}]}", "{\"a\": [{\"prefix\": \"x\", \"suffix\": \"y\"}]}"
    })
    void shouldRejectInvalidPatternsWithAReason(String pattern) {
        assertThatThrownBy(() -> EventPattern.parse(pattern))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageStartingWith("Event pattern is not valid. Reason: ");
    }
}
