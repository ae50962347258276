package org.ahibridge.emulator.dicomweb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MediaTypeTest {

    @Test
    void shouldReadTypeSubtypeAndParametersInAnyCaseWithQuotesRemoved() {
        MediaType type = MediaType.parse("Multipart/Related; Type=\"application/dicom\"; BOUNDARY=abc123");

        assertThat(type.essence()).isEqualTo("multipart/related");
        assertThat(type.parameter("type")).isEqualTo("application/dicom");
        assertThat(type.parameter("Boundary")).isEqualTo("abc123");
        assertThat(type.quality()).isEqualTo(1.0);
    }

    @Test
    void shouldTakeAnUnquotedValueWithASlashAsDicomWebClientsSendIt() {
        MediaType type = MediaType.parse("multipart/related; type=application/octet-stream; transfer-syntax=*");

        assertThat(type.parameter("type")).isEqualTo("application/octet-stream");
        assertThat(type.parameter("transfer-syntax")).isEqualTo("*");
    }

    @Test
    void shouldKeepSemicolonsCommasAndEscapedQuotesInsideAQuotedValue() {
        MediaType type = MediaType.parse("multipart/related; boundary=\"a;b,c \\\"d\\\"\"; type=application/dicom");

        assertThat(type.parameter("boundary")).isEqualTo("a;b,c \"d\"");
        assertThat(type.parameter("type")).isEqualTo("application/dicom");
    }

    @Test
    void shouldSplitAnAcceptHeaderOutsideQuotesAndOrderItByQuality() {
        List<MediaType> accept = MediaType.parseList("application/dicom; transfer-syntax=1.2.840.10008.1.2.4.50;q=0.5,"
                + " multipart/related; type=\"application/dicom, or not\"; q=0.9, */*;q=0.1, application/dicom");

        assertThat(accept).extracting(MediaType::essence).containsExactly("application/dicom", "multipart/related",
                "application/dicom", "*/*");
        assertThat(accept.get(0).parameter("transfer-syntax")).isNull();
        assertThat(accept.get(1).parameter("type")).isEqualTo("application/dicom, or not");
        assertThat(accept.get(2).parameter("transfer-syntax")).isEqualTo("1.2.840.10008.1.2.4.50");
        assertThat(accept.get(2).parameters()).doesNotContainKey("q");
    }

    @Test
    void shouldSkipEmptyEntriesAndEmptyParameters() {
        assertThat(MediaType.parseList(" , application/dicom;, ,")).singleElement()
                .satisfies(t -> assertThat(t.parameters()).isEmpty());
        assertThat(MediaType.parseList(null)).isEmpty();
    }

    @Test
    void shouldTellWhichTypesARangeIncludes() {
        assertThat(MediaType.parse("*/*").includes("application/dicom")).isTrue();
        assertThat(MediaType.parse("application/*").includes("application/dicom+json")).isTrue();
        assertThat(MediaType.parse("application/*").includes("image/jph")).isFalse();
        assertThat(MediaType.parse("Application/DICOM").includes("application/dicom")).isTrue();
        assertThat(MediaType.parse("application/dicom").includes("application/dicom+json")).isFalse();
    }

    @Test
    void shouldRefuseMalformedMediaTypesWithTheReason() {
        assertThatThrownBy(() -> MediaType.parse("application")).hasMessageContaining("no '/'");
        assertThatThrownBy(() -> MediaType.parse("application/dicom; type=\"x")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> MediaType.parse("application/dicom; q=2")).hasMessageContaining("q must be");
        assertThatThrownBy(() -> MediaType.parse("application/dicom; type")).hasMessageContaining("has no value");
        assertThatThrownBy(() -> MediaType.parse("/dicom")).hasMessageContaining("expected a media type");
        assertThatThrownBy(() -> MediaType.parse("a/b, c/d")).hasMessageContaining("expected one media type");
    }
}
