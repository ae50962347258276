package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;

class PathTemplateTest {

    private static final int STUDY_ID = 0x00200010;
    private static final int SERIES_DESCRIPTION = 0x0008103E;

    private static Attributes instance(String studyId, String description) {
        Attributes a = new Attributes();
        a.setString(Tags.SOP_INSTANCE_UID, VR.UI, "1.2.3.4");
        a.setString(Tags.STUDY_INSTANCE_UID, VR.UI, "1.2.3");
        a.setString(Tags.SERIES_INSTANCE_UID, VR.UI, "1.2.3.9");
        a.setString(STUDY_ID, VR.SH, studyId);
        a.setString(SERIES_DESCRIPTION, VR.LO, description);
        return a;
    }

    @Test
    void shouldLayOutStudySeriesAndInstanceByDefault() {
        assertThat(PathTemplate.defaultTemplate().keyFor(instance("1", "x"), "i", "d")).isEqualTo("1.2.3/1.2.3.9/1.2.3.4.dcm");
    }

    @Test
    void shouldFillImageSetAndDatastoreIds() {
        assertThat(PathTemplate.parse("{DatastoreID}/{ImageSetID}/{SOPInstanceUID}.dcm")
                .keyFor(instance("1", "x"), "abc", "def")).isEqualTo("def/abc/1.2.3.4.dcm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "..", ".", "/etc/passwd", "a/../../b", "..\\..\\x", "C:\\Windows", "a\u0000b",
            "\u0007\u001b[2J", "a\nb", "  ", "~/x", "%2e%2e%2f"})
    void shouldNeverLeaveTheRootWhateverTheValue(String value) {
        PathTemplate template = PathTemplate.parse("{StudyID}/{SeriesDescription}/{SOPInstanceUID}.dcm");

        String key = template.keyFor(instance(value, value), "i", "d");

        Path root = Path.of("/dest").toAbsolutePath();
        assertThat(root.resolve(key).normalize().startsWith(root)).isTrue();
        assertThat(key.split("/")).hasSize(3).allSatisfy(segment -> {
            assertThat(segment).doesNotStartWith(".").matches("[A-Za-z0-9._-]+");
        });
        assertThat(key).doesNotStartWith("/").doesNotContain("\\");
    }

    @Test
    void shouldCutVeryLongValues() {
        String key = PathTemplate.parse("{SeriesDescription}.dcm").keyFor(instance("1", "y".repeat(5000)), "i", "d");
        assertThat(key).hasSize(PathTemplate.MAX_VALUE + 4);
    }

    @Test
    void shouldReplaceEmptyAndMissingValues() {
        assertThat(PathTemplate.parse("{AccessionNumber}/{SOPInstanceUID}.dcm").keyFor(instance("1", ""), "i", "d"))
                .isEqualTo("_/1.2.3.4.dcm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/abs/{SOPInstanceUID}", "../{SOPInstanceUID}", "a/./{SOPInstanceUID}", "a\\{SOPInstanceUID}",
            "{NotAKeyword}.dcm", "", "a//{SOPInstanceUID}"})
    void shouldRejectUnsafeTemplates(String template) {
        assertThatThrownBy(() -> PathTemplate.parse(template)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSanitiseToSafeCharactersOnly() {
        assertThat(PathTemplate.sanitise("Dr. Ünïcode / 1")).isEqualTo("Dr.__n_code___1");
        assertThat(PathTemplate.sanitise("..")).isEqualTo("_..");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{PatientID", "{StudyInstanceUID}/{PatientID.dcm", "x}/{SOPInstanceUID}.dcm",
        "{Patient ID}/{SOPInstanceUID}.dcm", "{{SOPInstanceUID}}.dcm"})
    void shouldRefuseUnbalancedBracesWithoutQuotingTheTemplate(String template) {
        assertThatThrownBy(() -> PathTemplate.parse(template)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'{' or '}'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("PatientID").doesNotContain(template));
    }
}
