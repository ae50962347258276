package org.ahibridge.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: the export path sanitiser kept Windows device names ({@code CON}, {@code nul.txt},
 * {@code COM1}) and trailing dots and spaces in segments, so an exported tree could not be copied to or
 * opened on Windows, and {@code a.} and {@code a} named one file there. Every segment must now be a
 * safe name on Windows, macOS and Linux and in S3, Azure Blob and GCS keys, and the old guarantees (no
 * traversal, no absolute path) hold.
 */
class PathTemplateHostileValuesTest {

    private static final int STUDY_ID = 0x00200010;
    private static final int SERIES_DESCRIPTION = 0x0008103E;

    private static Attributes instance(String value) {
        Attributes a = new Attributes();
        a.setString(Tags.SOP_INSTANCE_UID, VR.UI, "1.2.3.4");
        a.setString(STUDY_ID, VR.SH, value);
        a.setString(SERIES_DESCRIPTION, VR.LO, value);
        return a;
    }

    private static String key(String template, String value) {
        return PathTemplate.parse(template).keyFor(instance(value), "i", "d");
    }

    /** Table of hostile values and the first segment they give; '|' separates, "<sp>" is a space. */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CON|_CON", "con|_con", "Con|_Con", "cOn|_cOn", "PRN|_PRN", "aux|_aux", "NUL|_NUL", "nul|_nul",
        "COM0|_COM0", "COM1|_COM1", "com5|_com5", "Com9|_Com9", "LPT0|_LPT0", "LPT1|_LPT1", "lpt9|_lpt9",
        "nul.txt|_nul.txt", "CON.dcm|_CON.dcm", "Com1.tar.gz|_Com1.tar.gz", "lpt3.|_lpt3", "PRN.|_PRN",
        "AUX<sp>|_AUX", "aux..|_aux", "NUL.<sp>.|_NUL._",
        "COM10|COM10", "CONSOLE|CONSOLE", "LPT|LPT", "CONx|CONx", "nul_|nul_", "xCON|xCON",
        "..|_", ".|_", "...|_", "a.|a", "a..|a", "a.<sp>.<sp>.|a._._", "a<sp>|a", "<sp>a<sp>|a", "a.b.|a.b",
        "\"\"|_", "<sp><sp><sp>|_", ".hidden|_.hidden", "..x|_..x",
        "../x|_.._x", "../../etc/passwd|_.._.._etc_passwd", "..\\..\\x|_.._.._x", "a/b|a_b", "a\\b|a_b", "/|_",
        "\\|_", "C:\\Windows|C__Windows", "//server/share|__server_share", "~/x|__x", "%2e%2e%2f|_2e_2e_2f",
        "a\u0000b|a_b", "a\u0007b|a_b", "\u001b[2J|_2J", "a\u0085b|a_b", "a\u2028b|a_b", "a\u2029b|a_b",
        "\u202Eexe.txt|_exe.txt", "a\u200Bb|a_b", "a\uFEFFb|a_b", "a\u009Fb|a_b", "\u00DCn\u00EFcode|_n_code"})
    void shouldGiveASafeSegmentForEveryHostileValue(String value, String expected) {
        String key = key("{StudyID}/{SOPInstanceUID}.dcm", value.replace("<sp>", " "));

        assertThat(key).isEqualTo(expected + "/1.2.3.4.dcm");
        assertSafeEverywhere(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "nul", "Com1", "LPT9", "nul.txt", "..", ".", "a.", "a ", "", " ", "PRN.", "x/..",
        "..\\..", "\u202E", "a\u0085"})
    void shouldGiveSafeNamesWhenTheValueSharesASegmentWithLiteralText(String value) {
        for (String template : new String[] {"{StudyID}.dcm", "{StudyID}", "{StudyID}{SeriesDescription}",
            "x/{StudyID}.{SeriesDescription}", "{StudyID}/{SeriesDescription}/{SOPInstanceUID}"}) {
            String key = key(template, value);

            assertSafeEverywhere(key);
            assertThat(key.split("/")).as(template).hasSize((int) template.chars().filter(c -> c == '/').count() + 1);
        }
    }

    @Test
    void shouldKeepEverySegmentWithinTheNameLengthForVeryLongValues() {
        String key = key("{StudyID}{SeriesDescription}{SOPInstanceUID}.dcm/{StudyID}", "y".repeat(5000));

        assertThat(key.split("/")).allSatisfy(segment ->
                assertThat(segment.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255));
        assertThat(key("{StudyID}.dcm", "x".repeat(63) + ".")).isEqualTo("x".repeat(63) + "..dcm");
        assertThat(key("{StudyID}", "x".repeat(63) + "." + "z".repeat(10))).isEqualTo("x".repeat(63));
        assertSafeEverywhere(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON/{SOPInstanceUID}.dcm", "exports/nul.txt/{SOPInstanceUID}", "com1/{SOPInstanceUID}",
        "Lpt9.d/{SOPInstanceUID}", "a./{SOPInstanceUID}", "a /{SOPInstanceUID}", "{SOPInstanceUID}/done.",
        ".hidden/{SOPInstanceUID}", "a:b/{SOPInstanceUID}", "a|b/{SOPInstanceUID}", "a?/{SOPInstanceUID}",
        "a*/{SOPInstanceUID}", "a<b>/{SOPInstanceUID}", "a\"b/{SOPInstanceUID}", "\u202Eevil/{SOPInstanceUID}",
        "a\u0085b/{SOPInstanceUID}", "a\u2028/{SOPInstanceUID}", "a\tb/{SOPInstanceUID}",
        "{SOPInstanceUID}{StudyInstanceUID}{SeriesInstanceUID}{StudyID}.dcm", "../{SOPInstanceUID}",
        "./{SOPInstanceUID}", "/abs/{SOPInstanceUID}", "a\\{SOPInstanceUID}", "a//{SOPInstanceUID}"})
    void shouldRefuseTemplatesWhoseLiteralPartsAreNotSafeNamesWithoutQuotingThem(String template) {
        assertThatThrownBy(() -> PathTemplate.parse(template)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(template).doesNotContain("\u202E")
                        .doesNotContain("\u0085"));
    }

    @Test
    void shouldRefuseALiteralSegmentLongerThanANameMayBe() {
        assertThatThrownBy(() -> PathTemplate.parse("a".repeat(256) + "/{SOPInstanceUID}"))
                .hasMessageContaining("longer than 255 bytes");
        assertThat(PathTemplate.parse("a".repeat(255) + "/{SOPInstanceUID}").keyFor(instance("x"), "i", "d"))
                .startsWith("a".repeat(255) + "/");
    }

    @Test
    void shouldAcceptOrdinaryTemplatesAsBefore() {
        assertThat(key(PathTemplate.DEFAULT, "x")).isEqualTo("_/_/1.2.3.4.dcm");
        assertThat(key("{StudyDate}/{StudyID}/{SOPInstanceUID}.dcm", "S 1")).isEqualTo("_/S_1/1.2.3.4.dcm");
        assertThat(key("exports 2024/é/{StudyID}.dcm", "7")).isEqualTo("exports 2024/é/7.dcm");
    }

    // Windows, macOS and Linux names, S3/Azure/GCS keys, and still no way out of the destination.
    private static void assertSafeEverywhere(String key) {
        Path root = Path.of("/dest");
        assertThat(root.resolve(key).normalize().startsWith(root)).as(key).isTrue();
        assertThat(key).doesNotStartWith("/").doesNotContain("\\").doesNotContain("//");
        assertThat(key.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(PathTemplate.MAX_KEY);
        for (String segment : key.split("/", -1)) {
            assertThat(segment).as(key).isNotEmpty().doesNotStartWith(".").doesNotEndWith(".").doesNotEndWith(" ")
                    .doesNotContainPattern("[<>:\"|?*\\p{Cntrl}\u0080-\u009F\u2028\u2029]");
            String base = segment.split("\\.")[0].toUpperCase(Locale.ROOT).strip();
            assertThat(base).as(key).doesNotMatch("CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]");
            assertThat(segment.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        }
    }
}
