package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.ahibridge.storage.BlobKeys;
import org.junit.jupiter.api.Test;

class StagingKeysTest {

    @Test
    void shouldPutEveryFileFlatUnderItsBatchFolder() {
        String key = StagingKeys.stagingKey("ahi-staging/", "20260101T000000Z-abc", 42, "in/study 1/ü.dcm");

        assertThat(key).isEqualTo("20260101T000000Z-abc/42-in!2Fstudy!201!2F!C3!BC.dcm");
        assertThat(key.chars().filter(c -> c == '/')).hasSize(1);
        assertThat(BlobKeys.requireSafe(key)).isEqualTo(key);
        assertThat(StagingKeys.batchPrefix("ahi-staging/", "20260101T000000Z-abc"))
                .isEqualTo("ahi-staging/20260101T000000Z-abc/");
    }

    @Test
    void shouldKeepKeysThatDifferOnlyInEscapedCharactersApart() {
        assertThat(StagingKeys.escape("a b")).isNotEqualTo(StagingKeys.escape("a_b"));
        assertThat(StagingKeys.escape("a!20b")).isNotEqualTo(StagingKeys.escape("a b"));
        assertThat(StagingKeys.escape("a/b")).isNotEqualTo(StagingKeys.escape("a!2Fb"));
    }

    @Test
    void shouldMakeEqualKeysFromTwoStoragesUniqueByObjectId() {
        assertThat(StagingKeys.stagingKey("", "b", 1, "a.dcm")).isNotEqualTo(StagingKeys.stagingKey("", "b", 2, "a.dcm"));
    }

    @Test
    void shouldNeverStageAHiddenFileOrADotSegment() {
        assertThat(StagingKeys.stagingKey("", "b", 7, ".hidden")).isEqualTo("b/7-!2Ehidden");
        assertThat(StagingKeys.stagingKey("", "b", 7, "..")).isEqualTo("b/7-!2E.");
    }

    @Test
    void shouldStayWithinS3sKeyLengthKeepingTheEndOfLongKeys() {
        String longKey = "ü/".repeat(400) + "end.dcm";

        String key = StagingKeys.stagingKey("some/staging/root/", "20260101T000000Z-abc", 123456, longKey);

        assertThat(("some/staging/root/" + key).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(key).startsWith("20260101T000000Z-abc/123456-").endsWith("end.dcm");
    }
}
